namespace Yalu.PowerCut;

/// <summary>Writes whole lines to stdout and flushes each at once: a line on the pipe is a promise made.</summary>
internal sealed class Acknowledger(TextWriter writer)
{
    public void Line(string text)
    {
        writer.Write(text + "\n");
        writer.Flush();
    }
}
