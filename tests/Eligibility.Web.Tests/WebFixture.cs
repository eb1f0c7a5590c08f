namespace Eligibility.Web.Tests;

/// <summary>One sample server and one browser for all the tests of the collection, started on first use only (skipped tests start nothing).</summary>
public sealed class WebFixture : IDisposable
{
    private readonly Lazy<SampleServer> _server = new(SampleServer.Start);
    private readonly Lazy<HeadlessChromium> _browser = new(() => new HeadlessChromium());

    public SampleServer Server => _server.Value;

    public HeadlessChromium Browser => _browser.Value;

    public void Dispose()
    {
        if (_browser.IsValueCreated)
        {
            _browser.Value.Dispose();
        }

        if (_server.IsValueCreated)
        {
            _server.Value.Dispose();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web sample";
}
