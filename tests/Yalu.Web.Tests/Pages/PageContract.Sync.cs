using System.Net;
using System.Net.Http.Headers;
using Xunit;
using Yalu.Market.Trading;
using Yalu.Storage;

namespace Yalu.Web.Tests.Pages;

/// <summary>/keeper/sync: the keeper downloads a bundle for the other bank and brings one in, through the pages.</summary>
public abstract partial class PageContract
{
    [Fact]
    public async Task The_keeper_downloads_a_bundle_for_the_other_bank_and_brings_one_in_once_refusing_a_damaged_one()
    {
        string folder = Directory.CreateTempSubdirectory("yalu-page-sync-").FullName;
        try
        {
            await using var peer = await SqliteMarketStore.OpenAsync(Path.Combine(folder, "changbai.db"), Clock, new NodeSetup("changbai", "changbai", MustBeNew: true), Ct);
            var here = Store;
            Assert.True((await here.TrustPeerAsync(peer.Card, Ct)).Success);
            Assert.True((await peer.TrustPeerAsync(here.Card, Ct)).Success);
            var wang = (await peer.AddTraderAsync(Trader.Register(Handle.Parse("wang"), Side.Changbai, Language.Zh, Clock), null, Ct)).Value;

            using var keeper = await LoggedInAsync("keeper-sync", keeper: true);
            string page = await GetHtmlAsync(keeper, "/keeper/sync?lang=en");
            Assert.Contains(here.Card.Fingerprint, page, StringComparison.Ordinal);
            Assert.Contains(peer.Card.Fingerprint, page, StringComparison.Ordinal);
            Assert.Contains("never", page, StringComparison.Ordinal);

            // Download: a sealed bundle the other bank opens.
            var download = await PostFormAsync(keeper, "/keeper/sync?handler=export", page, ("Peer", peer.Card.NodeId.ToString()));
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("yalu-yalu-to-changbai-", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
            var opened = await peer.ImportAsync(await download.Content.ReadAsByteArrayAsync(Ct), Ct);
            Assert.True(opened.Success, opened.Error?.ToString());

            // Upload: the other bank's bundle is applied once; again, nothing new; damaged, refused with nothing changed.
            byte[] bundle = (await peer.ExportAsync(here.Card.NodeId, Ct)).Value.Bytes;
            var applied = await UploadAsync(keeper, bundle);
            Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
            Assert.Contains("Brought in", await applied.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.NotNull(await Store.GetTraderAsync(wang.Id, Ct));
            long seq = await Store.LastEventSeqAsync(Ct);
            var again = await UploadAsync(keeper, bundle);
            Assert.Contains("Nothing new from changbai", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            bundle[bundle.Length / 2] ^= 1;
            var damaged = await UploadAsync(keeper, bundle);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, damaged.StatusCode);
            Assert.Contains("Refused, nothing changed: SY004", await damaged.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.Equal(seq, await Store.LastEventSeqAsync(Ct));

            // Without the antiforgery token: 400, nothing imported.
            var forged = await keeper.PostAsync("/keeper/sync?handler=import", Multipart(bundle), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

            string ko = await GetHtmlAsync(keeper, "/keeper/sync?lang=ko");
            Assert.Contains("건너편 장터와 주고받기", ko, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static MultipartFormDataContent Multipart(byte[] bundle, string? token = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bundle);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Bundle", "bundle.yalu");
        if (token is not null) form.Add(new StringContent(token), "__af");
        return form;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient keeper, byte[] bundle)
    {
        string page = await GetHtmlAsync(keeper, "/keeper/sync?lang=en");
        return await keeper.PostAsync("/keeper/sync?handler=import", Multipart(bundle, Token(page)), Ct);
    }
}
