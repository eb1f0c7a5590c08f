namespace Eligibility.Web.Tests;

/// <summary>
/// What these tests need from the machine, found once: the web sample built from the packed package, and Debian's
/// chromium and chromedriver. Each missing piece is named, so a skipped test says what to install or build.
/// Set ELIGIBILITY_WEB_TESTS=require (as .ci/run does) to fail instead of skipping.
/// </summary>
public static class WebEnvironment
{
    public static readonly string RepositoryRoot = FindRepositoryRoot();

    /// <summary>The web sample's entry assembly: ELIGIBILITY_API_DLL, or the Release build run-samples.sh makes.</summary>
    public static readonly string ApiDll = Environment.GetEnvironmentVariable("ELIGIBILITY_API_DLL")
        ?? Path.Combine(RepositoryRoot, "samples", "Eligibility.Api", "bin", "Release", "net10.0", "Eligibility.Api.dll");

    public static readonly string? ChromiumBinary = FirstExisting(Environment.GetEnvironmentVariable("CHROMIUM_BIN"), "/usr/bin/chromium", "/usr/bin/chromium-browser");

    public static readonly string? ChromeDriver = FirstExisting(Environment.GetEnvironmentVariable("CHROMEDRIVER"), "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("ELIGIBILITY_WEB_TESTS"), "require", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the sample cannot be started, or null.</summary>
    public static string? ApiMissing => File.Exists(ApiDll)
        ? null
        : $"the web sample is not built at {ApiDll}: run 'bash samples/run-samples.sh' (or pack, then 'dotnet build samples/Eligibility.Api -c Release'), or set ELIGIBILITY_API_DLL";

    /// <summary>Why the browser cannot be started, or null.</summary>
    public static string? BrowserMissing => ApiMissing
        ?? (ChromiumBinary is null || ChromeDriver is null
            ? "chromium and chromedriver are not installed: apt-get install -y chromium chromium-driver (or set CHROMIUM_BIN and CHROMEDRIVER)"
            : null);

    public static string ScreenshotDirectory
    {
        get
        {
            var dir = Path.Combine(RepositoryRoot, "artifacts", "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static string? FirstExisting(params string?[] paths) => paths.FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Eligibility.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Eligibility.sln not found above the test assembly.");
    }
}

/// <summary>A test that drives headless Chromium: skipped, with the reason, when the sample or the browser is missing.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (WebEnvironment.BrowserMissing is { } missing && !WebEnvironment.Required)
        {
            Skip = missing;
        }
    }
}

/// <summary>A test that calls the running web sample over HTTP: skipped, with the reason, when the sample is not built.</summary>
public sealed class WebTheoryAttribute : TheoryAttribute
{
    public WebTheoryAttribute()
    {
        if (WebEnvironment.ApiMissing is { } missing && !WebEnvironment.Required)
        {
            Skip = missing;
        }
    }
}
