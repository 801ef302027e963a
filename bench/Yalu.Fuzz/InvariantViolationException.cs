namespace Yalu.Fuzz;

/// <summary>A reader returned a result that breaks its contract: the fuzzer counts it as a crash.</summary>
internal sealed class InvariantViolationException(string message) : Exception(message);
