using Eligibility.Tests.TestAssets;
using System.Text.RegularExpressions;
using Eligibility;
using Eligibility.Conditions.Internal;
using FluentAssertions;

namespace Eligibility.Tests.Conditions;

public sealed partial class ConditionCatalogTests
{
    private static readonly ConditionCatalog Catalog = ConditionCatalog.Default;

    [Theory]
    [InlineData("chronic-pain", "Chronic pain")]
    [InlineData("intractable-pain", "Intractable pain")]
    [InlineData("cancer-related-pain", "Cancer-related pain")]
    [InlineData("opioid-use-disorder", "Opioid use disorder")]
    [InlineData("opioid-withdrawal", "Opioid withdrawal")]
    [InlineData("cancer", "Cancer")]
    [InlineData("ptsd", "Post-traumatic stress disorder")]
    [InlineData("epilepsy", "Epilepsy / seizure disorders")]
    [InlineData("multiple-sclerosis", "Multiple sclerosis")]
    [InlineData("glaucoma", "Glaucoma")]
    [InlineData("hiv-aids", "HIV / AIDS")]
    [InlineData("inflammatory-bowel-disease", "Inflammatory bowel disease")]
    [InlineData("crohns-disease", "Crohn's disease")]
    [InlineData("ulcerative-colitis", "Ulcerative colitis")]
    [InlineData("cachexia", "Cachexia / wasting syndrome")]
    [InlineData("severe-nausea", "Severe or persistent nausea")]
    [InlineData("muscle-spasms", "Severe or persistent muscle spasms / spasticity")]
    [InlineData("als", "Amyotrophic lateral sclerosis")]
    [InlineData("parkinsons-disease", "Parkinson's disease")]
    [InlineData("terminal-illness", "Terminal illness")]
    [InlineData("anxiety", "Anxiety disorder")]
    [InlineData("insomnia", "Insomnia")]
    [InlineData("migraine", "Migraine")]
    [InlineData("arthritis", "Arthritis")]
    [InlineData("rheumatoid-arthritis", "Rheumatoid arthritis")]
    [InlineData("autism", "Autism spectrum disorder")]
    [InlineData("tourette-syndrome", "Tourette syndrome")]
    [InlineData("sickle-cell-disease", "Sickle cell disease")]
    [InlineData("hepatitis-c", "Hepatitis C")]
    [InlineData("alzheimers-disease", "Alzheimer's disease")]
    [InlineData("neuropathy", "Peripheral neuropathy")]
    [InlineData("fibromyalgia", "Fibromyalgia")]
    [InlineData("crps", "Complex regional pain syndrome")]
    [InlineData("huntingtons-disease", "Huntington's disease")]
    [InlineData("spinal-cord-injury", "Spinal cord injury")]
    [InlineData("traumatic-brain-injury", "Traumatic brain injury")]
    [InlineData("lupus", "Systemic lupus erythematosus")]
    public void Default_SharedConditionsTableId_IsPresentWithItsDisplayName(string id, string name)
    {
        var definition = Catalog.Find(id);

        definition.Should().NotBeNull();
        definition!.Name.Should().Be(name);
    }

    [Fact]
    public void Default_CanonicalIds_AreMarkedInTheCatalogData()
    {
        // The canonical table lives in data/conditions/conditions.json ("canonical": true), inside the repository.
        var canonical = Catalog.All.Where(d => d.Canonical).Select(d => d.Id).ToList();

        canonical.Should().HaveCount(37);
        canonical.Should().Contain(["chronic-pain", "intractable-pain", "cancer-related-pain", "opioid-use-disorder", "opioid-withdrawal", "lupus"]);
    }

    [Fact]
    public void Default_EveryResearchId_IsPresent()
    {
        var folder = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(DataFiles.StatesDirectory))!, "research");
        Directory.Exists(folder).Should().BeTrue();

        var ids = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "new-conditions-*.txt"))
        {
            ids.AddRange(File.ReadLines(file).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('|')[0].Trim()));
        }

        ids.Where(id => id.Length > 0 && !Catalog.Contains(id)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("depression")]
    [InlineData("panic-disorder")]
    [InlineData("obsessive-compulsive-disorder")]
    [InlineData("bipolar-disorder")]
    [InlineData("cerebral-palsy")]
    [InlineData("dystonia")]
    [InlineData("ehlers-danlos-syndrome")]
    [InlineData("interstitial-cystitis")]
    [InlineData("endometriosis")]
    [InlineData("hospice-care")]
    [InlineData("muscular-dystrophy")]
    [InlineData("arnold-chiari-malformation")]
    [InlineData("syringomyelia")]
    [InlineData("tarlov-cysts")]
    [InlineData("hydrocephalus")]
    [InlineData("neurofibromatosis")]
    [InlineData("chronic-inflammatory-demyelinating-polyneuropathy")]
    [InlineData("spinal-stenosis")]
    [InlineData("post-laminectomy-syndrome")]
    [InlineData("residual-limb-pain")]
    [InlineData("nail-patella-syndrome")]
    [InlineData("fibrous-dysplasia")]
    [InlineData("myasthenia-gravis")]
    [InlineData("mitochondrial-disease")]
    [InlineData("muscular-disorders")]
    [InlineData("neurodegenerative-disease")]
    [InlineData("spasticity")]
    [InlineData("seizures")]
    [InlineData("severe-pain")]
    [InlineData("anorexia-nervosa")]
    [InlineData("attention-deficit-disorder")]
    [InlineData("chronic-renal-failure")]
    [InlineData("chronic-pancreatitis")]
    [InlineData("hepatitis-b")]
    [InlineData("polyneuropathy")]
    [InlineData("post-concussion-syndrome")]
    [InlineData("lyme-disease")]
    [InlineData("cystic-fibrosis")]
    [InlineData("sjogrens-syndrome")]
    [InlineData("opioid-substitution")]
    [InlineData("substance-use-disorder")]
    [InlineData("alcohol-use-disorder")]
    [InlineData("wasting-syndrome")]
    [InlineData("dementia")]
    [InlineData("intellectual-disability")]
    [InlineData("rare-disease")]
    [InlineData("organ-transplant")]
    [InlineData("psoriasis")]
    [InlineData("osteoarthritis")]
    [InlineData("chronic-obstructive-pulmonary-disease")]
    [InlineData("sleep-apnea")]
    [InlineData("irritable-bowel-syndrome")]
    [InlineData("cardiopulmonary-respiratory-syndrome")]
    [InlineData("mast-cell-disease")]
    [InlineData("vulvodynia")]
    [InlineData("trigeminal-neuralgia")]
    [InlineData("agitation-of-dementia")]
    [InlineData("traumatic-injury")]
    [InlineData("autoimmune-disease")]
    [InlineData("degenerative-disc-disease")]
    [InlineData("headache")]
    [InlineData("osteogenesis-imperfecta")]
    [InlineData("median-arcuate-ligament-syndrome")]
    [InlineData("dysmenorrhea")]
    [InlineData("dyskinetic-and-spastic-movement-disorders")]
    [InlineData("spinal-cord-disease")]
    [InlineData("hydromyelia")]
    [InlineData("spinocerebellar-ataxia")]
    [InlineData("myoclonus")]
    [InlineData("neuro-behcets-autoimmune-disease")]
    [InlineData("polycystic-kidney-disease")]
    [InlineData("superior-canal-dehiscence-syndrome")]
    [InlineData("colitis")]
    [InlineData("chronic-tic-disorder")]
    [InlineData("corticobasal-degeneration")]
    [InlineData("psychiatric-disorders")]
    [InlineData("anorexia")]
    [InlineData("inclusion-body-myositis")]
    [InlineData("epidermolysis-bullosa")]
    [InlineData("hepatitis")]
    [InlineData("research-program-condition")]
    [InlineData("diabetes")]
    [InlineData("asthma")]
    [InlineData("wilsons-disease")]
    [InlineData("decompensated-cirrhosis")]
    [InlineData("bulimia-nervosa")]
    public void Default_AddedId_IsPresentWithNameDescriptionAndTerms(string id)
    {
        var definition = Catalog.Find(id);

        definition.Should().NotBeNull();
        definition!.Name.Should().NotBeNullOrWhiteSpace();
        definition.Description.Should().NotBeNullOrWhiteSpace();
        definition.Synonyms.Should().NotBeEmpty();
    }

    [Fact]
    public void Default_EveryDefinition_IsWellFormed()
    {
        foreach (var d in Catalog.All)
        {
            KebabCase().IsMatch(d.Id).Should().BeTrue(because: $"'{d.Id}' should be kebab-case");
            d.Name.Should().NotBeNullOrWhiteSpace();
            d.Description.Should().NotBeNullOrWhiteSpace();
            d.CodeSource.Should().NotBeNullOrWhiteSpace(because: $"{d.Id} must say where its codes come from");
            d.IcdCodes.Concat(d.IcdExclusions).Where(code => !IcdShape().IsMatch(code)).Should().BeEmpty(because: $"{d.Id} codes must look like ICD-10-CM");
            if (d.IcdCodes.Count > 0)
            {
                d.CodeSource.Should().NotStartWith("No ", because: $"{d.Id} has codes, so its source must name them");
            }
        }
    }

    [Fact]
    public void Default_Ids_AreUnique()
    {
        Catalog.All.Select(d => d.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Default_Relations_ReferToKnownIds()
    {
        foreach (var d in Catalog.All)
        {
            d.IsA.Concat(d.Implies).Where(id => !Catalog.Contains(id)).Should().BeEmpty(because: $"{d.Id} relations must exist");
            d.IsA.Should().NotContain(d.Id);
        }
    }

    [Fact]
    public void Default_IsARelations_AreAcyclic()
    {
        var state = new Dictionary<string, int>();
        foreach (var d in Catalog.All)
        {
            Visit(d.Id, state).Should().BeTrue(because: $"the is_a graph must not loop through {d.Id}");
        }
    }

    [Fact]
    public void Default_ImpliesRelations_AreAcyclic()
    {
        foreach (var d in Catalog.All)
        {
            foreach (var implied in d.Implies)
            {
                Catalog.ImpliedByCode(implied).Should().NotContain(d.Id);
            }
        }
    }

    [Theory]
    [InlineData("intractable-pain", "chronic-pain")]
    [InlineData("cancer-related-pain", "chronic-pain|cancer")]
    [InlineData("crohns-disease", "inflammatory-bowel-disease")]
    [InlineData("ulcerative-colitis", "inflammatory-bowel-disease|colitis")]
    [InlineData("rheumatoid-arthritis", "arthritis|autoimmune-disease")]
    [InlineData("fibromyalgia", "chronic-pain")]
    [InlineData("crps", "chronic-pain")]
    [InlineData("panic-disorder", "anxiety")]
    [InlineData("osteoarthritis", "arthritis")]
    [InlineData("hepatitis-c", "hepatitis")]
    [InlineData("epilepsy", "seizures")]
    [InlineData("alzheimers-disease", "dementia|neurodegenerative-disease")]
    [InlineData("agitation-of-dementia", "dementia")]
    [InlineData("wasting-syndrome", "cachexia")]
    [InlineData("spasticity", "muscle-spasms")]
    public void Broader_Child_ContainsParents(string id, string parents)
    {
        Catalog.Broader(id).Should().Contain(parents.Split('|'));
    }

    [Fact]
    public void Broader_IntractablePain_ContainsChronicPain()
    {
        Catalog.Broader("intractable-pain").Should().Contain("chronic-pain");
    }

    [Fact]
    public void Broader_CancerRelatedPain_ContainsChronicPainAndCancer()
    {
        Catalog.Broader("cancer-related-pain").Should().Contain(["chronic-pain", "cancer"]);
    }

    [Fact]
    public void Broader_Transitive_ListsNearestFirstWithoutDuplicates()
    {
        var broader = Catalog.Broader("chronic-inflammatory-demyelinating-polyneuropathy");

        broader.Should().OnlyHaveUniqueItems();
        broader.Should().ContainInOrder("polyneuropathy", "neuropathy");
        broader.Should().NotContain("chronic-inflammatory-demyelinating-polyneuropathy");
    }

    [Theory]
    [InlineData("opioid-substitution")]
    [InlineData("cancer")]
    [InlineData("unknown-id")]
    public void Broader_RootOrUnknown_IsEmpty(string id)
    {
        Catalog.Broader(id).Should().BeEmpty();
    }

    [Fact]
    public void Broader_ChronicPain_IsAConditionForWhichAnOpioidCouldBePrescribed()
    {
        // IL's Opioid Alternative Pilot Program, CO and NY (2018-2022) list "a condition for which an opioid could be prescribed".
        Catalog.Broader("chronic-pain").Should().Equal("opioid-substitution");
        Catalog.Broader("intractable-pain").Should().Equal("chronic-pain", "opioid-substitution");
    }

    [Fact]
    public void Broader_ChronicPain_IsNotImpliedByParentListing()
    {
        Catalog.Broader("chronic-pain").Should().NotContain("intractable-pain");
    }

    [Fact]
    public void ImpliedByCode_OpioidWithdrawal_IsOpioidUseDisorder()
    {
        Catalog.ImpliedByCode("opioid-withdrawal").Should().Equal("opioid-use-disorder");
        Catalog.ImpliedByCode("opioid-use-disorder").Should().BeEmpty();
        Catalog.ImpliedByCode("nope").Should().BeEmpty();
    }

    [Fact]
    public void Find_IsCaseInsensitiveAndTrims()
    {
        Catalog.Find(" PTSD ")!.Id.Should().Be("ptsd");
        Catalog.Find("nope").Should().BeNull();
        Catalog.Contains("Chronic-Pain").Should().BeTrue();
        Catalog.Contains("chronic pain").Should().BeFalse();
    }

    [Fact]
    public void Default_NoTwoConditions_ClaimTheSameTerm()
    {
        var owners = new Dictionary<string, string>();
        var clashes = new List<string>();
        foreach (var d in Catalog.All)
        {
            foreach (var term in new[] { d.Name }.Concat(d.Synonyms).Concat(d.Abbreviations).Concat(d.LayPhrases).Concat(d.Misspellings))
            {
                var key = Tokenizer.Key(term);
                if (owners.TryGetValue(key, out var owner) && owner != d.Id)
                {
                    clashes.Add($"'{term}' ({d.Id}) vs {owner}");
                }

                owners.TryAdd(key, d.Id);
            }
        }

        clashes.Should().BeEmpty();
    }

    [Fact]
    public void Default_PhraseIndex_HasNoConflicts()
    {
        new ConditionResolver(Catalog).Phrases.Conflicts.Should().BeEmpty();
    }

    [Fact]
    public void Default_SharedCodePrefixes_OnlyBetweenParentAndChild()
    {
        var resolver = new ConditionResolver(Catalog);
        foreach (var (prefix, claimants) in resolver.Codes.Prefixes)
        {
            foreach (var other in claimants.Skip(1))
            {
                Catalog.Broader(claimants[0].Id).Should().Contain(other.Id, because: $"{prefix} is claimed by {claimants[0].Id} and {other.Id}");
            }
        }
    }

    [Fact]
    public void Constructor_Cycle_Throws()
    {
        var a = new ConditionDefinition { Id = "a", Name = "A", Description = "a", IsA = ["b"] };
        var b = new ConditionDefinition { Id = "b", Name = "B", Description = "b", IsA = ["a"] };

        var act = () => new ConditionCatalog([a, b]);

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Constructor_UnknownRelationOrDuplicate_Throws()
    {
        var a = new ConditionDefinition { Id = "a", Name = "A", Description = "a", IsA = ["missing"] };
        var b = new ConditionDefinition { Id = "b", Name = "B", Description = "b" };

        ((Action)(() => _ = new ConditionCatalog([a]))).Should().Throw<ArgumentException>();
        ((Action)(() => _ = new ConditionCatalog([b, b]))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Constructor_CustomCatalog_DrivesResolver()
    {
        var custom = new ConditionCatalog(
        [
            new ConditionDefinition { Id = "widget-itch", Name = "Widget itch", Description = "test", Synonyms = ["itchy widgets"], IcdCodes = ["L29.9"], CodeSource = "test" },
        ]);
        var resolver = new ConditionResolver(custom);

        resolver.Resolve("itchy widgets").ConditionId.Should().Be("widget-itch");
        resolver.Resolve("L29.9").ConditionId.Should().Be("widget-itch");
        resolver.Resolve("PTSD").ConditionId.Should().BeNull();
    }

    private static bool Visit(string id, Dictionary<string, int> state)
    {
        if (state.TryGetValue(id, out var s))
        {
            return s == 2;
        }

        state[id] = 1;
        foreach (var parent in Catalog.Find(id)!.IsA)
        {
            if (!Visit(parent, state))
            {
                return false;
            }
        }

        state[id] = 2;
        return true;
    }

    [GeneratedRegex(@"^\|\s*`([a-z0-9-]+)`\s*\|")]
    private static partial Regex TableId();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex(@"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")]
    private static partial Regex IcdShape();
}
