using System.Threading.Tasks;
using ChecklistDsl;

namespace Samples.Cache;

[Checklist("Clear caches", Environment = "staging")]
public partial class ClearCaches
{
    private const string Backend = "redis";

    [Input("The site uses a CDN")] public bool UsesCdn { get; init; }
    [Input("Cache backend")] public string CacheBackend { get; init; } = "none";
    [Input("Site URL")] public string SiteUrl { get; init; } = "";

    [Step("Flush the object cache"), When(nameof(CacheBackend), Backend), Modifies("object cache"), RollbackWith(nameof(WarmObjectCache))]
    [Command("redis-cli FLUSHALL", Retries = 2, RetryDelay = "00:00:02")]
    void FlushObjectCache() { }

    [Step("Purge the CDN"), When(nameof(UsesCdn)), Modifies("cdn")]
    [Command("cdn purge --all")]
    [Command("cdn warm {SiteUrl}", Retries = 3)]
    void PurgeCdn() { }

    [Step("Wait for the site"), Verifies("site")]
    [WaitUntil("curl -fsS {SiteUrl}/health", Every = "00:00:05", Timeout = "00:02:00")]
    void WaitForSite() { }

    [Rollback("Warm the object cache"), When(nameof(CacheBackend), "redis")]
    [Command("warm-cache", Retries = 1)]
    void WarmObjectCache() { }
}
