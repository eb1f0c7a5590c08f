using System.Text.Json;
using OpenQA.Selenium;

namespace Eligibility.Web.Tests;

/// <summary>The page at / in headless Chromium: the answers it shows, its map, keyboard use, errors and privacy.</summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PageTests(WebFixture web)
{
    private const string Day = "2026-11-22";
    private static readonly IEligibilityEngine Engine = EligibilityEngine.CreateDefault();

    private ChromiumDriverPage Open()
    {
        var driver = web.Browser.Driver;
        driver.Navigate().GoToUrl(web.Server.BaseUri);
        web.Browser.WaitFor("#jurisdiction option[value='NJ']");
        return new ChromiumDriverPage(web.Browser);
    }

    [BrowserFact]
    public void NJ_opioid_use_disorder_qualifies_with_its_citation_linked_and_a_map_of_56_tiles()
    {
        var page = Open();
        page.Ask("opioid use disorder", "NJ", asOf: Day);

        var result = web.Browser.WaitFor("article.result[data-condition='opioid-use-disorder']");
        result.GetAttribute("data-outcome").Should().Be("qualifies");
        result.Text.Should().Contain("Opioid use disorder").And.Contain("Yes: this condition qualifies in New Jersey.").And.Contain("What to do next");

        var expected = Engine.Evaluate(new EligibilityQuery { Jurisdiction = "NJ", Conditions = ["opioid use disorder"], AsOf = DateOnly.Parse(Day, System.Globalization.CultureInfo.InvariantCulture) });
        var link = result.FindElement(By.CssSelector("a[href]"));
        link.GetAttribute("href").Should().Be(expected.Conditions[0].SourceUrl);
        link.Text.Should().Be(expected.Conditions[0].Citation);

        var tiles = page.MapOutcomes("opioid-use-disorder");
        tiles.Should().HaveCount(56);
        tiles["NJ"].Should().Be("qualifies");
        tiles["ID"].Should().Be("no-program");
        page.TableOutcomes("opioid-use-disorder").Should().Equal(tiles, "the table is the map's text alternative");
        web.Browser.Driver.FindElement(By.CssSelector("#maps svg g[data-jurisdiction='NJ'] rect")).GetAttribute("stroke-width").Should().Be("4", "the chosen jurisdiction is outlined");
        web.Browser.Driver.FindElement(By.CssSelector("#maps figcaption")).Text.Should().Contain("NJ is outlined");

        web.Browser.Driver.FindElement(By.Id("answer-body")).Text.Should().Contain("Not legal advice").And.Contain($"last verified {expected.Data.LastVerified:yyyy-MM-dd}");
        web.Browser.Driver.FindElement(By.Id("not-legal-advice")).Displayed.Should().BeTrue();
        web.Browser.Driver.FindElement(By.Id("data-verified")).Text.Should().MatchRegex(@"Data verification dates?: \d{4}-\d{2}-\d{2}");
        web.Browser.Screenshot("page-nj-opioid-use-disorder");
    }

    [BrowserFact]
    public void Idaho_heroin_addiction_reads_as_opioid_use_disorder_and_has_no_program()
    {
        var page = Open();
        page.Ask("heroin addiction", "ID", asOf: Day);

        var result = web.Browser.WaitFor("article.result[data-condition='opioid-use-disorder']");
        result.GetAttribute("data-outcome").Should().Be("no-program");
        result.Text.Should().Contain("No: Idaho has no medical-cannabis program on this date.").And.Contain("heroin addiction");
        page.MapOutcomes("opioid-use-disorder")["ID"].Should().Be("no-program");
        web.Browser.Screenshot("page-id-heroin-addiction");
    }

    [BrowserFact]
    public void Everywhere_shows_the_map_and_its_table_as_the_library_scan_answers()
    {
        var page = Open();
        page.Ask("chronic pain", "", asOf: Day, age: "17", visitor: true);

        web.Browser.WaitFor("#maps figure svg");
        var template = new EligibilityQuery { Jurisdiction = "", Conditions = ["chronic pain"], AsOf = DateOnly.Parse(Day, System.Globalization.CultureInfo.InvariantCulture), Age = 17, Visitor = true };
        var expected = Engine.Scan(template).ToDictionary(d => d.Jurisdiction, d => Kebab(d.Outcome));

        page.MapOutcomes("chronic-pain").Should().Equal(expected);
        page.TableOutcomes("chronic-pain").Should().Equal(expected);
        web.Browser.Driver.FindElement(By.CssSelector("#maps svg")).GetAttribute("aria-describedby").Should().Be("table-chronic-pain");
        web.Browser.Screenshot("page-everywhere-chronic-pain-visitor-17");
    }

    [BrowserFact]
    public void Tab_walks_the_form_in_reading_order_and_every_field_has_a_label()
    {
        Open();
        var driver = web.Browser.Driver;
        driver.ExecuteScript("document.activeElement && document.activeElement.blur();");
        var order = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            new OpenQA.Selenium.Interactions.Actions(driver).SendKeys(Keys.Tab).Perform();
            var active = driver.SwitchTo().ActiveElement();
            order.Add(active.GetAttribute("id") is { Length: > 0 } id ? id : active.TagName + ":" + active.Text);
        }

        order.Should().Equal("a:Skip to the question", "condition", "jurisdiction", "age", "visitor", "medications", "asOf", "submit");
        foreach (var id in new[] { "condition", "jurisdiction", "age", "visitor", "medications", "asOf" })
        {
            driver.FindElements(By.CssSelector($"label[for='{id}']")).Should().ContainSingle($"#{id} has a label");
        }

        // Enter in the form submits it from the keyboard; the answer heading then takes focus for screen readers.
        driver.FindElement(By.Id("condition")).SendKeys("opioid withdrawal");
        driver.FindElement(By.Id("asOf")).SendKeys(Day);
        driver.FindElement(By.Id("asOf")).SendKeys(Keys.Enter);
        web.Browser.WaitFor("#maps figure svg");
        new OpenQA.Selenium.Support.UI.WebDriverWait(driver, TimeSpan.FromSeconds(30)).Until(d => d.SwitchTo().ActiveElement().GetAttribute("id") == "answer-heading");
    }

    [BrowserFact]
    public void Errors_appear_next_to_their_field_and_patient_facts_never_reach_the_url()
    {
        var page = Open();
        var driver = web.Browser.Driver;
        page.Ask("", "NJ", asOf: "2019-02-30", age: "500");

        var conditionError = web.Browser.WaitFor("#condition-error");
        conditionError.Text.Should().Contain("Enter a condition");
        driver.FindElement(By.Id("condition")).GetAttribute("aria-invalid").Should().Be("true");
        driver.FindElement(By.Id("age-error")).Text.Should().Contain("0 to 130");
        driver.FindElement(By.Id("asOf-error")).Text.Should().Contain("YYYY-MM-DD");
        driver.SwitchTo().ActiveElement().GetAttribute("id").Should().Be("condition", "focus goes to the first field in error");
        driver.FindElement(By.Id("condition")).GetAttribute("aria-describedby").Should().Contain("condition-error");

        page.Ask("opioid use disorder", "NJ", asOf: Day, age: "44", medications: "buprenorphine");
        web.Browser.WaitFor("article.result[data-condition='opioid-use-disorder']");
        driver.FindElements(By.CssSelector(".error:not([hidden])")).Where(e => e.Displayed).Should().BeEmpty("the errors clear once the form is right");
        driver.Url.Should().Be(web.Server.BaseUri.ToString(), "nothing the patient typed is put in the address");
        web.Browser.Driver.FindElement(By.Id("answer-body")).Text.Should().Contain("buprenorphine", "the advisory for the medication is shown");
    }

    [BrowserFact]
    public void A_problem_from_the_server_is_shown_next_to_the_field_it_names()
    {
        var page = Open();
        // The form cannot send a bad date or an unknown code itself, so the server's 400 is stood in for in the browser.
        web.Browser.Driver.ExecuteScript("""
            window.fetch = async () => new Response(JSON.stringify({ status: 400, title: 'Invalid query', detail: 'asOf must be a date string YYYY-MM-DD, e.g. "2019-01-01".' }),
              { status: 400, headers: { 'Content-Type': 'application/problem+json' } });
            """);
        page.Ask("opioid use disorder", "NJ", asOf: Day);

        var error = web.Browser.WaitFor("#asOf-error");
        error.Text.Should().Contain("asOf must be a date string");
        web.Browser.Driver.FindElement(By.Id("asOf")).GetAttribute("aria-invalid").Should().Be("true");
        web.Browser.Driver.SwitchTo().ActiveElement().GetAttribute("id").Should().Be("asOf");
        web.Browser.Driver.FindElement(By.Id("form-error")).Displayed.Should().BeFalse();
    }

    [BrowserFact]
    public void Routes_are_shown_when_a_decision_lists_them()
    {
        var page = Open();
        // Decisions gain a "routes" array per condition: a known one replaces whatever the API sends, so the test pins the rendering.
        web.Browser.Driver.ExecuteScript("""
            const realFetch = window.fetch;
            window.fetch = async (url, init) => {
              const response = await realFetch(url, init);
              if (!String(url).endsWith('/eligibility/check')) return response;
              const decision = await response.json();
              for (const c of decision.conditions) {
                c.routes = [
                  { basis: 'listed', outcome: 'qualifies-with-requirements', citation: 'Test Code § 1', sourceUrl: 'https://example.org/law', requirements: ['the pain is severe'] },
                  { basis: 'practitioner-discretion', outcome: 'practitioner-discretion', citation: 'Test Code § 2', requirements: [] },
                ];
              }
              return new Response(JSON.stringify(decision), { status: response.status, headers: { 'Content-Type': 'application/json' } });
            };
            """);
        page.Ask("chronic pain", "PA", asOf: Day);

        var result = web.Browser.WaitFor("article.result[data-condition='chronic-pain']");
        var routes = result.FindElements(By.CssSelector("ul.routes > li"));
        routes.Should().HaveCount(2);
        routes[0].Text.Should().Contain("Qualifies with requirements").And.Contain("the law lists this condition").And.Contain("Test Code § 1").And.Contain("the pain is severe");
        routes[0].FindElement(By.CssSelector("a")).GetAttribute("href").Should().Be("https://example.org/law");
        routes[1].Text.Should().Contain("a practitioner may certify conditions that are not listed");
        routes[1].FindElements(By.CssSelector("a")).Should().BeEmpty("a route without a source URL is not a link");
    }

    [BrowserFact]
    public async Task Page_sets_a_content_security_policy_and_loads_nothing_from_another_origin()
    {
        using var response = await web.Server.Http.GetAsync(new Uri("/", UriKind.Relative));
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'none'").And.Contain("script-src 'self'").And.Contain("connect-src 'self'");

        var page = Open();
        page.Ask("opioid use disorder", "PA", asOf: Day);
        web.Browser.WaitFor("#maps figure svg");
        var resources = ((IJavaScriptExecutor)web.Browser.Driver).ExecuteScript("return performance.getEntriesByType('resource').map(e => e.name);") as IReadOnlyCollection<object>;
        resources.Should().NotBeNull().And.NotBeEmpty();
        var urls = resources!.Cast<string>().ToList();
        urls.Should().OnlyContain(url => url.StartsWith(web.Server.BaseUri.ToString(), StringComparison.Ordinal));
        urls.Should().NotContain(url => url.Contains('?'), "no request carries a query string");
    }

    private static string Kebab(Outcome outcome) => JsonSerializer.Serialize(outcome, EligibilityJsonContext.Default.Outcome).Trim('"');
}

/// <summary>The form and the answers, as a person uses them.</summary>
public sealed class ChromiumDriverPage(HeadlessChromium browser)
{
    private IWebDriver Driver => browser.Driver;

    public void Ask(string condition, string jurisdiction, string asOf = "", string age = "", bool visitor = false, string medications = "")
    {
        Fill("condition", condition);
        Driver.FindElement(By.CssSelector($"#jurisdiction option[value='{jurisdiction}']")).Click();
        Fill("age", age);
        var box = Driver.FindElement(By.Id("visitor"));
        if (box.Selected != visitor)
        {
            box.Click();
        }

        Fill("medications", medications);
        Fill("asOf", asOf);
        ((IJavaScriptExecutor)Driver).ExecuteScript("document.getElementById('maps').hidden = true; document.getElementById('maps-body').replaceChildren(); document.getElementById('answer-body').replaceChildren();");
        Driver.FindElement(By.Id("submit")).Click();
    }

    /// <summary>data-jurisdiction → data-outcome of the tiles of the inline SVG map for a condition.</summary>
    public Dictionary<string, string> MapOutcomes(string condition)
    {
        browser.WaitFor($"#maps figure[data-condition='{condition}'] svg");
        return Driver.FindElements(By.CssSelector($"#maps figure[data-condition='{condition}'] svg g[data-jurisdiction]"))
            .ToDictionary(e => e.GetAttribute("data-jurisdiction")!, e => e.GetAttribute("data-outcome")!);
    }

    /// <summary>The same from the map's table (its text alternative), read from the DOM whether or not the details are open.</summary>
    public Dictionary<string, string> TableOutcomes(string condition) =>
        Driver.FindElements(By.CssSelector($"#table-{condition} tbody tr"))
            .ToDictionary(e => e.GetAttribute("data-jurisdiction")!, e => e.GetAttribute("data-outcome")!);

    private void Fill(string id, string value)
    {
        var input = Driver.FindElement(By.Id(id));
        input.Clear();
        if (value.Length > 0)
        {
            input.SendKeys(value);
        }
    }
}
