using System.Drawing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Eligibility.Web.Tests;

/// <summary>Debian's chromium, headless, through its chromedriver, with a fresh profile deleted on dispose. Nothing is downloaded.</summary>
public sealed class HeadlessChromium : IDisposable
{
    private readonly string _profile = Path.Combine(Path.GetTempPath(), "eligibility-chromium-" + Guid.NewGuid().ToString("N"));

    public HeadlessChromium()
    {
        if (WebEnvironment.BrowserMissing is { } missing)
        {
            throw new InvalidOperationException(missing);
        }

        Directory.CreateDirectory(_profile);
        var options = new ChromeOptions { BinaryLocation = WebEnvironment.ChromiumBinary };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={_profile}", "--window-size=1100,1400");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(WebEnvironment.ChromeDriver)!, Path.GetFileName(WebEnvironment.ChromeDriver)!);
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
    }

    public ChromeDriver Driver { get; }

    public IWebElement WaitFor(string css, int seconds = 60) =>
        new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds)).Until(d =>
        {
            var found = d.FindElements(By.CssSelector(css));
            return found.Count > 0 && found[0].Displayed ? found[0] : null;
        })!;

    /// <summary>Saves the whole page (the window grown to the page's height) as a PNG.</summary>
    public string Screenshot(string name)
    {
        var height = Convert.ToInt32(Driver.ExecuteScript("return Math.ceil(document.documentElement.scrollHeight);"), System.Globalization.CultureInfo.InvariantCulture);
        var size = Driver.Manage().Window.Size;
        Driver.Manage().Window.Size = new Size(size.Width, Math.Min(Math.Max(height + 40, 600), 8000));
        var path = Path.Combine(WebEnvironment.ScreenshotDirectory, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        Driver.Manage().Window.Size = size;
        return path;
    }

    public void Dispose()
    {
        try
        {
            Driver.Quit();
        }
        finally
        {
            Driver.Dispose();
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
                // chromium may still be releasing files; the profile is in the temp directory
            }
        }
    }
}
