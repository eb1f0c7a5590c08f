using Eligibility;
using FluentAssertions;

namespace Eligibility.Tests.Conditions;

public sealed class ConditionResolverTests
{
    private static readonly ConditionResolver Resolver = new(ConditionCatalog.Default);

    [Theory]
    [InlineData("heroin addiction", "opioid-use-disorder")]
    [InlineData("addicted to pain pills", "opioid-use-disorder")]
    [InlineData("opiate addiction", "opioid-use-disorder")]
    [InlineData("dope sick", "opioid-withdrawal")]
    [InlineData("dopesick", "opioid-withdrawal")]
    [InlineData("Dope-sick", "opioid-withdrawal")]
    [InlineData("kicking heroin", "opioid-withdrawal")]
    [InlineData("withdrawals from oxy", "opioid-withdrawal")]
    [InlineData("fentanyl addiction", "opioid-use-disorder")]
    [InlineData("on suboxone for addiction", "opioid-use-disorder")]
    [InlineData("addicted to painkillers", "opioid-use-disorder")]
    [InlineData("hooked on heroin", "opioid-use-disorder")]
    [InlineData("I'm addicted to oxycontin", "opioid-use-disorder")]
    [InlineData("methadone clinic", "opioid-use-disorder")]
    [InlineData("recovering heroin addict", "opioid-use-disorder")]
    [InlineData("coming off heroin", "opioid-withdrawal")]
    [InlineData("opioid detox", "opioid-withdrawal")]
    [InlineData("chronic back pain", "chronic-pain")]
    [InlineData("pain that won't go away", "chronic-pain")]
    [InlineData("Pain that wont go away", "chronic-pain")]
    [InlineData("my back pain won't go away", "chronic-pain")]
    [InlineData("I'm always in pain", "chronic-pain")]
    [InlineData("pain that nothing helps", "intractable-pain")]
    [InlineData("nothing helps my pain", "intractable-pain")]
    [InlineData("pain from my cancer", "cancer-related-pain")]
    [InlineData("going through chemo", "cancer")]
    [InlineData("can't sleep", "insomnia")]
    [InlineData("I can't sleep at night", "insomnia")]
    [InlineData("trouble falling asleep", "insomnia")]
    [InlineData("throwing up all the time", "severe-nausea")]
    [InlineData("can't keep food down", "severe-nausea")]
    [InlineData("nausea from chemo", "severe-nausea")]
    [InlineData("war trauma", "ptsd")]
    [InlineData("on the spectrum", "autism")]
    [InlineData("water on the brain", "hydrocephalus")]
    [InlineData("wasting away", "cachexia")]
    [InlineData("old timers disease", "alzheimers-disease")]
    [InlineData("burning feet", "neuropathy")]
    [InlineData("on dialysis", "chronic-renal-failure")]
    [InlineData("drinking problem", "alcohol-use-disorder")]
    [InlineData("period pain", "dysmenorrhea")]
    [InlineData("brittle bone disease", "osteogenesis-imperfecta")]
    [InlineData("on hospice", "hospice-care")]
    [InlineData("instead of pain pills", "opioid-substitution")]
    [InlineData("no appetite", "anorexia")]
    public void Resolve_LayPhrase_MapsToCondition(string input, string expected)
    {
        var result = Resolver.Resolve(input);

        result.ConditionId.Should().Be(expected, because: $"'{input}' should map to {expected}");
        result.Score.Should().BeInRange(0.8, 1.0);
    }

    [Theory]
    [InlineData("opioid dependence with withdrawal", "opioid-withdrawal")]
    [InlineData("Opioid use disorder", "opioid-use-disorder")]
    [InlineData("opioid dependence", "opioid-use-disorder")]
    [InlineData("opiate use disorder, severe", "opioid-use-disorder")]
    [InlineData("intractable neuropathic pain", "intractable-pain")]
    [InlineData("intractable pain", "intractable-pain")]
    [InlineData("chronic pain syndrome", "chronic-pain")]
    [InlineData("neoplasm related pain", "cancer-related-pain")]
    [InlineData("cancer pain", "cancer-related-pain")]
    [InlineData("metastatic breast cancer", "cancer")]
    [InlineData("non-Hodgkin lymphoma", "cancer")]
    [InlineData("post-traumatic stress disorder", "ptsd")]
    [InlineData("posttraumatic stress disorder", "ptsd")]
    [InlineData("intractable epilepsy", "epilepsy")]
    [InlineData("seizure disorder", "epilepsy")]
    [InlineData("Lennox-Gastaut syndrome", "epilepsy")]
    [InlineData("relapsing-remitting multiple sclerosis", "multiple-sclerosis")]
    [InlineData("primary open angle glaucoma", "glaucoma")]
    [InlineData("acquired immunodeficiency syndrome", "hiv-aids")]
    [InlineData("HIV/AIDS", "hiv-aids")]
    [InlineData("Crohn's disease", "crohns-disease")]
    [InlineData("Crohn’s disease", "crohns-disease")]
    [InlineData("ulcerative colitis", "ulcerative-colitis")]
    [InlineData("inflammatory bowel disease", "inflammatory-bowel-disease")]
    [InlineData("cachexia", "cachexia")]
    [InlineData("wasting syndrome", "wasting-syndrome")]
    [InlineData("nausea and vomiting", "severe-nausea")]
    [InlineData("severe muscle spasms", "muscle-spasms")]
    [InlineData("spasticity", "spasticity")]
    [InlineData("Lou Gehrig's disease", "als")]
    [InlineData("Parkinson's disease", "parkinsons-disease")]
    [InlineData("terminally ill", "terminal-illness")]
    [InlineData("generalized anxiety disorder", "anxiety")]
    [InlineData("panic disorder", "panic-disorder")]
    [InlineData("chronic insomnia", "insomnia")]
    [InlineData("migraine with aura", "migraine")]
    [InlineData("intractable migraine", "migraine")]
    [InlineData("rheumatoid arthritis", "rheumatoid-arthritis")]
    [InlineData("degenerative joint disease", "osteoarthritis")]
    [InlineData("Asperger syndrome", "autism")]
    [InlineData("Tourette's syndrome", "tourette-syndrome")]
    [InlineData("sickle cell anemia", "sickle-cell-disease")]
    [InlineData("chronic hepatitis C", "hepatitis-c")]
    [InlineData("Alzheimer's disease", "alzheimers-disease")]
    [InlineData("diabetic peripheral neuropathy", "neuropathy")]
    [InlineData("fibromyalgia", "fibromyalgia")]
    [InlineData("reflex sympathetic dystrophy", "crps")]
    [InlineData("Huntington's chorea", "huntingtons-disease")]
    [InlineData("cervical spinal cord injury", "spinal-cord-injury")]
    [InlineData("concussion", "traumatic-brain-injury")]
    [InlineData("systemic lupus erythematosus", "lupus")]
    [InlineData("major depressive disorder", "depression")]
    [InlineData("obsessive-compulsive disorder", "obsessive-compulsive-disorder")]
    [InlineData("manic depression", "bipolar-disorder")]
    [InlineData("cerebral palsy", "cerebral-palsy")]
    [InlineData("cervical dystonia", "dystonia")]
    [InlineData("hypermobile Ehlers-Danlos syndrome", "ehlers-danlos-syndrome")]
    [InlineData("painful bladder syndrome", "interstitial-cystitis")]
    [InlineData("Chiari malformation", "arnold-chiari-malformation")]
    [InlineData("failed back surgery syndrome", "post-laminectomy-syndrome")]
    [InlineData("lumbar spinal stenosis", "spinal-stenosis")]
    [InlineData("chronic inflammatory demyelinating polyneuropathy", "chronic-inflammatory-demyelinating-polyneuropathy")]
    [InlineData("Sjögren's syndrome", "sjogrens-syndrome")]
    [InlineData("post-concussion syndrome", "post-concussion-syndrome")]
    [InlineData("obstructive sleep apnea", "sleep-apnea")]
    [InlineData("irritable bowel syndrome", "irritable-bowel-syndrome")]
    [InlineData("mast cell activation syndrome", "mast-cell-disease")]
    [InlineData("trigeminal neuralgia", "trigeminal-neuralgia")]
    [InlineData("dementia with agitation", "agitation-of-dementia")]
    [InlineData("degenerative disc disease", "degenerative-disc-disease")]
    [InlineData("tension headache", "headache")]
    [InlineData("celiac artery compression syndrome", "median-arcuate-ligament-syndrome")]
    [InlineData("tardive dyskinesia", "dyskinetic-and-spastic-movement-disorders")]
    [InlineData("arachnoiditis", "spinal-cord-disease")]
    [InlineData("neuro-Behçet's disease", "neuro-behcets-autoimmune-disease")]
    [InlineData("autosomal dominant polycystic kidney disease", "polycystic-kidney-disease")]
    [InlineData("chronic motor or vocal tic disorder", "chronic-tic-disorder")]
    [InlineData("loss of appetite", "anorexia")]
    [InlineData("anorexia nervosa", "anorexia-nervosa")]
    [InlineData("type 2 diabetes", "diabetes")]
    [InlineData("Wilson's disease", "wilsons-disease")]
    [InlineData("emphysema", "chronic-obstructive-pulmonary-disease")]
    public void Resolve_ClinicalTerm_MapsToCondition(string input, string expected)
    {
        var result = Resolver.Resolve(input);

        result.ConditionId.Should().Be(expected, because: $"'{input}' should map to {expected}");
        result.Kind.Should().BeOneOf(MatchKind.Name, MatchKind.Synonym, MatchKind.Id, MatchKind.LayPhrase);
    }

    [Theory]
    [InlineData("OUD", "opioid-use-disorder")]
    [InlineData("PTSD", "ptsd")]
    [InlineData("MS", "multiple-sclerosis")]
    [InlineData("ms", "multiple-sclerosis")]
    [InlineData("IBD", "inflammatory-bowel-disease")]
    [InlineData("ALS", "als")]
    [InlineData("HIV", "hiv-aids")]
    [InlineData("AIDS", "hiv-aids")]
    [InlineData("TBI", "traumatic-brain-injury")]
    [InlineData("SCI", "spinal-cord-injury")]
    [InlineData("CRPS", "crps")]
    [InlineData("RSD", "crps")]
    [InlineData("COPD", "chronic-obstructive-pulmonary-disease")]
    [InlineData("OCD", "obsessive-compulsive-disorder")]
    [InlineData("ADHD", "attention-deficit-disorder")]
    [InlineData("ADD", "attention-deficit-disorder")]
    [InlineData("IBS", "irritable-bowel-syndrome")]
    [InlineData("IBS-D", "irritable-bowel-syndrome")]
    [InlineData("SLE", "lupus")]
    [InlineData("GAD", "anxiety")]
    [InlineData("MDD", "depression")]
    [InlineData("C-PTSD", "ptsd")]
    [InlineData("RRMS", "multiple-sclerosis")]
    [InlineData("CKD", "chronic-renal-failure")]
    [InlineData("ESRD", "chronic-renal-failure")]
    [InlineData("HCV", "hepatitis-c")]
    [InlineData("HBV", "hepatitis-b")]
    [InlineData("CIDP", "chronic-inflammatory-demyelinating-polyneuropathy")]
    [InlineData("EDS", "ehlers-danlos-syndrome")]
    [InlineData("MCAS", "mast-cell-disease")]
    [InlineData("OSA", "sleep-apnea")]
    [InlineData("RA", "rheumatoid-arthritis")]
    [InlineData("OA", "osteoarthritis")]
    [InlineData("UC", "ulcerative-colitis")]
    [InlineData("DDD", "degenerative-disc-disease")]
    [InlineData("MALS", "median-arcuate-ligament-syndrome")]
    [InlineData("PKD", "polycystic-kidney-disease")]
    [InlineData("T1D", "diabetes")]
    [InlineData("SUD", "substance-use-disorder")]
    [InlineData("AUD", "alcohol-use-disorder")]
    [InlineData("I have PTSD", "ptsd")]
    [InlineData("diagnosed with ALS", "als")]
    public void Resolve_Abbreviation_MapsToCondition(string input, string expected)
    {
        var result = Resolver.Resolve(input);

        result.ConditionId.Should().Be(expected);
        result.Kind.Should().Be(MatchKind.Abbreviation);
    }

    [Theory]
    [InlineData("F11.23", "opioid-withdrawal")]
    [InlineData("f1123", "opioid-withdrawal")]
    [InlineData("F11 .23", "opioid-withdrawal")]
    [InlineData("F11.13", "opioid-withdrawal")]
    [InlineData("F11.93", "opioid-withdrawal")]
    [InlineData("F11.20", "opioid-use-disorder")]
    [InlineData("F11.21", "opioid-use-disorder")]
    [InlineData("F11.10", "opioid-use-disorder")]
    [InlineData("F11.90", "opioid-use-disorder")]
    [InlineData("ICD-10-CM: F11.20", "opioid-use-disorder")]
    [InlineData("G89.29", "chronic-pain")]
    [InlineData("g8929", "chronic-pain")]
    [InlineData("G89.4", "chronic-pain")]
    [InlineData("G89.0", "chronic-pain")]
    [InlineData("G89.3", "cancer-related-pain")]
    [InlineData("C50.911", "cancer")]
    [InlineData("C34.90", "cancer")]
    [InlineData("F43.10", "ptsd")]
    [InlineData("F43.12", "ptsd")]
    [InlineData("G40.909", "epilepsy")]
    [InlineData("R56.9", "epilepsy")]
    [InlineData("R56.00", "seizures")]
    [InlineData("G35", "multiple-sclerosis")]
    [InlineData("G35.A", "multiple-sclerosis")]
    [InlineData("G35.B1", "multiple-sclerosis")]
    [InlineData("g35d", "multiple-sclerosis")]
    [InlineData("G20", "parkinsons-disease")]
    [InlineData("G20.A1", "parkinsons-disease")]
    [InlineData("G20.B2", "parkinsons-disease")]
    [InlineData("G20.C", "parkinsons-disease")]
    [InlineData("H40.11X1", "glaucoma")]
    [InlineData("H40.9", "glaucoma")]
    [InlineData("Q15.0", "glaucoma")]
    [InlineData("B20", "hiv-aids")]
    [InlineData("Z21", "hiv-aids")]
    [InlineData("K50.90", "crohns-disease")]
    [InlineData("K51.90", "ulcerative-colitis")]
    [InlineData("R64", "cachexia")]
    [InlineData("E88.A", "cachexia")]
    [InlineData("R11.2", "severe-nausea")]
    [InlineData("M62.830", "muscle-spasms")]
    [InlineData("G12.21", "als")]
    [InlineData("F41.1", "anxiety")]
    [InlineData("F41.0", "panic-disorder")]
    [InlineData("G47.00", "insomnia")]
    [InlineData("F51.01", "insomnia")]
    [InlineData("G47.33", "sleep-apnea")]
    [InlineData("G43.909", "migraine")]
    [InlineData("R51.9", "headache")]
    [InlineData("M06.9", "rheumatoid-arthritis")]
    [InlineData("M08.00", "rheumatoid-arthritis")]
    [InlineData("M17.11", "osteoarthritis")]
    [InlineData("M07.60", "arthritis")]
    [InlineData("F84.0", "autism")]
    [InlineData("F95.2", "tourette-syndrome")]
    [InlineData("F95.1", "chronic-tic-disorder")]
    [InlineData("D57.1", "sickle-cell-disease")]
    [InlineData("B18.2", "hepatitis-c")]
    [InlineData("B18.1", "hepatitis-b")]
    [InlineData("B15.9", "hepatitis")]
    [InlineData("G30.9", "alzheimers-disease")]
    [InlineData("F03.90", "dementia")]
    [InlineData("F03.911", "agitation-of-dementia")]
    [InlineData("G62.9", "neuropathy")]
    [InlineData("E11.42", "neuropathy")]
    [InlineData("E11.9", "diabetes")]
    [InlineData("G61.81", "chronic-inflammatory-demyelinating-polyneuropathy")]
    [InlineData("M79.7", "fibromyalgia")]
    [InlineData("G90.50", "crps")]
    [InlineData("G56.40", "crps")]
    [InlineData("G10", "huntingtons-disease")]
    [InlineData("S14.109A", "spinal-cord-injury")]
    [InlineData("S34.1", "spinal-cord-injury")]
    [InlineData("S06.0X0A", "traumatic-brain-injury")]
    [InlineData("M32.9", "lupus")]
    [InlineData("F10.20", "alcohol-use-disorder")]
    [InlineData("F14.20", "substance-use-disorder")]
    [InlineData("M96.1", "post-laminectomy-syndrome")]
    [InlineData("F07.81", "post-concussion-syndrome")]
    [InlineData("D89.40", "mast-cell-disease")]
    [InlineData("I77.4", "median-arcuate-ligament-syndrome")]
    [InlineData("Q06.4", "hydromyelia")]
    [InlineData("G95.0", "syringomyelia")]
    [InlineData("G72.41", "inclusion-body-myositis")]
    [InlineData("R63.0", "anorexia")]
    [InlineData("L40.50", "arthritis")]
    [InlineData("L40.0", "psoriasis")]
    public void Resolve_IcdCode_MapsToCondition(string input, string expected)
    {
        var result = Resolver.Resolve(input);

        result.ConditionId.Should().Be(expected, because: $"{input} should map to {expected}");
        result.Kind.Should().Be(MatchKind.Code);
        result.Score.Should().Be(1.0);
    }

    [Theory]
    [InlineData("F11.23", "opioid-use-disorder")]
    [InlineData("F11.13", "opioid-use-disorder")]
    [InlineData("F11.93", "opioid-use-disorder")]
    public void Resolve_OpioidWithdrawalCode_ImpliesOpioidUseDisorder(string input, string implied)
    {
        var result = Resolver.Resolve(input);

        result.ConditionId.Should().Be("opioid-withdrawal");
        result.ImpliedConditions.Should().Equal(implied);
    }

    [Theory]
    [InlineData("opioid withdrawal")]
    [InlineData("F11.20")]
    public void Resolve_NonWithdrawalInputOrTextMatch_HasNoImpliedConditions(string input)
    {
        Resolver.Resolve(input).ImpliedConditions.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Z79.891")]
    [InlineData("F12.20")]
    [InlineData("F12.90")]
    [InlineData("F17.210")]
    [InlineData("D57.3")]
    [InlineData("G89.11")]
    [InlineData("R52")]
    [InlineData("H40.001")]
    [InlineData("Z20.6")]
    [InlineData("R63.4")]
    [InlineData("F43.0")]
    [InlineData("F43.20")]
    [InlineData("D05.10")]
    [InlineData("S09.90XA")]
    [InlineData("S12.000A")]
    [InlineData("L93.0")]
    [InlineData("T40.1X1A")]
    [InlineData("O21.0")]
    [InlineData("F95.9")]
    public void Resolve_ExcludedCode_ReturnsNoMatch(string input)
    {
        var result = Resolver.Resolve(input);

        result.ConditionId.Should().BeNull();
        result.Kind.Should().Be(MatchKind.None);
        result.Note.Should().StartWith("excluded code");
    }

    [Theory]
    [InlineData("A00.0")]
    [InlineData("J06.9")]
    [InlineData("S52.501A")]
    public void Resolve_UnmappedCode_ReturnsNoMatchWithoutSuggestions(string input)
    {
        var result = Resolver.Resolve(input);

        result.ConditionId.Should().BeNull();
        result.Kind.Should().Be(MatchKind.None);
        result.Suggestions.Should().BeEmpty();
    }

    [Theory]
    [InlineData("opiod withdrawl", "opioid-withdrawal")]
    [InlineData("opioid withdrawl", "opioid-withdrawal")]
    [InlineData("opiod addiction", "opioid-use-disorder")]
    [InlineData("fibromyalga", "fibromyalgia")]
    [InlineData("fibromialgia", "fibromyalgia")]
    [InlineData("insomia", "insomnia")]
    [InlineData("migrane", "migraine")]
    [InlineData("migranes", "migraine")]
    [InlineData("lupis", "lupus")]
    [InlineData("chrons disease", "crohns-disease")]
    [InlineData("parkensons", "parkinsons-disease")]
    [InlineData("alzhiemers", "alzheimers-disease")]
    [InlineData("epilepsey", "epilepsy")]
    [InlineData("siezures", "seizures")]
    [InlineData("glacoma", "glaucoma")]
    [InlineData("multiple scelerosis", "multiple-sclerosis")]
    [InlineData("cachexy", "cachexia")]
    [InlineData("nausia", "severe-nausea")]
    [InlineData("anxeity", "anxiety")]
    [InlineData("turrets", "tourette-syndrome")]
    [InlineData("sickel cell", "sickle-cell-disease")]
    [InlineData("nueropathy", "neuropathy")]
    [InlineData("arthritus", "arthritis")]
    [InlineData("intractible pain", "intractable-pain")]
    [InlineData("spinal chord injury", "spinal-cord-injury")]
    [InlineData("traumatic brian injury", "traumatic-brain-injury")]
    [InlineData("hepatitus c", "hepatitis-c")]
    [InlineData("pstd", "ptsd")]
    [InlineData("ehlers danlos syndrom", "ehlers-danlos-syndrome")]
    [InlineData("endometreosis", "endometriosis")]
    [InlineData("sleep apnia", "sleep-apnea")]
    [InlineData("irritable bowl syndrome", "irritable-bowel-syndrome")]
    [InlineData("chronic pancreatits", "chronic-pancreatitis")]
    [InlineData("complex regional pain sindrome", "crps")]
    [InlineData("rheumatiod arthritis", "rheumatoid-arthritis")]
    [InlineData("glaucomaa", "glaucoma")]
    [InlineData("I have terrible migranes", "migraine")]
    [InlineData("diagnosed with fibromyalgiaa", "fibromyalgia")]
    [InlineData("post traumatic stres disorder", "ptsd")]
    [InlineData("multiple sclerosiss", "multiple-sclerosis")]
    [InlineData("herion addiction", "opioid-use-disorder")]
    [InlineData("addicted to pain pils", "opioid-use-disorder")]
    [InlineData("fentanyl withdrawl", "opioid-withdrawal")]
    [InlineData("opiate withdrawel symptoms", "opioid-withdrawal")]
    [InlineData("chronic back pian", "chronic-pain")]
    [InlineData("intractible neuropathic pain", "intractable-pain")]
    [InlineData("no history of cancr but has chronic pian", "chronic-pain")]
    public void Resolve_Misspelling_MapsFuzzily(string input, string expected)
    {
        var result = Resolver.Resolve(input);

        result.ConditionId.Should().Be(expected, because: $"'{input}' is a misspelling of {expected}");
        result.Kind.Should().Be(MatchKind.Fuzzy);
        result.Score.Should().BeInRange(0.8, 0.99);
    }

    [Theory]
    [InlineData("no history of cancer", "negated")]
    [InlineData("denies opioid use", "negated")]
    [InlineData("denies heroin addiction", "negated")]
    [InlineData("mother had MS", "family history")]
    [InlineData("family history of epilepsy", "family history")]
    [InlineData("my father has Parkinson's", "family history")]
    [InlineData("grandmother with Alzheimer's disease", "family history")]
    [InlineData("fh of breast cancer", "family history")]
    [InlineData("MS runs in the family", "family history")]
    [InlineData("no PTSD", "negated")]
    [InlineData("negative for HIV", "negated")]
    [InlineData("HIV negative", "negated")]
    [InlineData("cancer ruled out", "negated")]
    [InlineData("never had seizures", "negated")]
    [InlineData("patient does not have glaucoma", "negated")]
    [InlineData("without chronic pain", "negated")]
    [InlineData("I don't have anxiety", "negated")]
    [InlineData("possible multiple sclerosis", "uncertain")]
    [InlineData("rule out lupus", "uncertain")]
    [InlineData("r/o crohn's disease", "uncertain")]
    [InlineData("h/o no cancer", "negated")]
    [InlineData("denies opiod abuse", "negated")]
    [InlineData("I'm not addicted to pain pills", "negated")]
    [InlineData("never been addicted to heroin", "negated")]
    [InlineData("hepatitis C, cured", "negated")]
    [InlineData("my wife has MS", "someone else")]
    [InlineData("my dog has cancer", "someone else")]
    public void Resolve_NegationOrFamilyHistory_NeverMaps(string input, string note)
    {
        var result = Resolver.Resolve(input);

        result.ConditionId.Should().BeNull();
        result.Kind.Should().Be(MatchKind.Negated);
        result.Note.Should().StartWith(note);
    }

    [Theory]
    [InlineData("broken arm")]
    [InlineData("flu")]
    [InlineData("the flu")]
    [InlineData("common cold")]
    [InlineData("sickle-cell trait")]
    [InlineData("sickle cell trait")]
    [InlineData("F12.20")]
    [InlineData("Z79.891")]
    [InlineData("cannabis use disorder")]
    [InlineData("long-term opioid therapy")]
    [InlineData("opioid overdose")]
    [InlineData("nicotine dependence")]
    [InlineData("glaucoma suspect")]
    [InlineData("discoid lupus")]
    [InlineData("lupus anticoagulant")]
    [InlineData("head injury")]
    [InlineData("weight loss")]
    [InlineData("morning sickness")]
    [InlineData("acute back pain")]
    [InlineData("palliative care")]
    [InlineData("hearing aids")]
    [InlineData("I use hearing aids")]
    [InlineData("took 10 MG of it")]
    [InlineData("canker sore")]
    [InlineData("risk of breast cancer")]
    [InlineData("HIV exposure")]
    [InlineData("screening for colon cancer")]
    [InlineData("acute pancreatitis")]
    [InlineData("CBD oil")]
    [InlineData("sprained ankle")]
    [InlineData("please add")]
    [InlineData("add me")]
    [InlineData("depressed mood")]
    [InlineData("prediabetes")]
    [InlineData("phantom limb pain")]
    [InlineData("cancer screening")]
    [InlineData("HIV test")]
    [InlineData("hep b vaccine")]
    [InlineData("at risk for diabetes")]
    [InlineData("lupus-like symptoms")]
    [InlineData("seizure-like activity")]
    [InlineData("OCD tendencies")]
    [InlineData("nonepileptic seizures")]
    [InlineData("pseudoseizures")]
    public void Resolve_UnrelatedOrLookalikeInput_DoesNotMap(string input)
    {
        var result = Resolver.Resolve(input);

        result.ConditionId.Should().BeNull(because: $"'{input}' names no catalog condition");
        result.Kind.Should().BeOneOf(MatchKind.None, MatchKind.Negated);
    }

    [Theory]
    [InlineData("sleep apnea", "sleep-apnea", "insomnia")]
    [InlineData("obstructive sleep apnea", "sleep-apnea", "insomnia")]
    [InlineData("IBS", "irritable-bowel-syndrome", "inflammatory-bowel-disease")]
    [InlineData("irritable bowel syndrome", "irritable-bowel-syndrome", "inflammatory-bowel-disease")]
    [InlineData("headache", "headache", "migraine")]
    [InlineData("intractable migraine", "migraine", "intractable-pain")]
    [InlineData("intractable epilepsy", "epilepsy", "intractable-pain")]
    [InlineData("anorexia", "anorexia", "anorexia-nervosa")]
    [InlineData("hepatitis", "hepatitis", "hepatitis-c")]
    [InlineData("hepatitis D", "hepatitis", "hepatitis-b")]
    [InlineData("alcoholism", "alcohol-use-disorder", "opioid-use-disorder")]
    [InlineData("cocaine addiction", "substance-use-disorder", "opioid-use-disorder")]
    [InlineData("seizures", "seizures", "epilepsy")]
    [InlineData("psoriatic arthritis", "arthritis", "psoriasis")]
    public void Resolve_Lookalike_MapsOnlyToIntendedCondition(string input, string expected, string forbidden)
    {
        var result = Resolver.Resolve(input);

        result.ConditionId.Should().Be(expected);
        result.ConditionId.Should().NotBe(forbidden);
    }

    [Theory]
    [InlineData("I have PTSD", "ptsd")]
    [InlineData("I've got fibromyalgia", "fibromyalgia")]
    [InlineData("diagnosed with Crohn's disease", "crohns-disease")]
    [InlineData("history of cancer", "cancer")]
    [InlineData("hx of epilepsy", "epilepsy")]
    [InlineData("suffering from migraines", "migraine")]
    [InlineData("I suffer from severe anxiety", "anxiety")]
    [InlineData("my chronic pain", "chronic-pain")]
    [InlineData("severe glaucoma", "glaucoma")]
    [InlineData("Patient has multiple sclerosis.", "multiple-sclerosis")]
    [InlineData("I was diagnosed with Parkinson's disease", "parkinsons-disease")]
    [InlineData("living with HIV", "hiv-aids")]
    [InlineData("  CANCER  ", "cancer")]
    [InlineData("pain, chronic", "chronic-pain")]
    [InlineData("disease, Crohn's", "crohns-disease")]
    [InlineData("spasms, muscle", "muscle-spasms")]
    [InlineData("Fibro myalgia", "fibromyalgia")]
    [InlineData("Migraines!", "migraine")]
    [InlineData("I have been diagnosed with PTSD from my time in the army", "ptsd")]
    [InlineData("no relief from my chronic back pain", "chronic-pain")]
    public void Resolve_FillerWordsPunctuationAndOrder_AreNormalised(string input, string expected)
    {
        Resolver.Resolve(input).ConditionId.Should().Be(expected);
    }

    [Theory]
    [InlineData("severe pain", "severe-pain")]
    [InlineData("severe nausea", "severe-nausea")]
    [InlineData("severe spasticity", "spasticity")]
    public void Resolve_SevereThatChangesTheCondition_IsKept(string input, string expected)
    {
        Resolver.Resolve(input).ConditionId.Should().Be(expected);
    }

    [Theory]
    [InlineData("OUD and chronic back pain", "opioid-use-disorder|chronic-pain")]
    [InlineData("PTSD, anxiety; insomnia", "ptsd|anxiety|insomnia")]
    [InlineData("PTSD/anxiety", "ptsd|anxiety")]
    [InlineData("migraines and sleep apnea", "migraine|sleep-apnea")]
    [InlineData("F11.23, G89.29", "opioid-withdrawal|chronic-pain")]
    [InlineData("F11.23 and chronic back pain", "opioid-withdrawal|chronic-pain")]
    [InlineData("heroin addiction with opiod withdrawl and chronic back pain", "opioid-use-disorder|opioid-withdrawal|chronic-pain")]
    [InlineData("Diagnosis: fibromyalgia. Also has IBS and severe nausea.", "fibromyalgia|irritable-bowel-syndrome|severe-nausea")]
    [InlineData("cancer pain and depression", "cancer-related-pain|depression")]
    [InlineData("I have ms and ptsd", "multiple-sclerosis|ptsd")]
    [InlineData("ALS & COPD", "als|chronic-obstructive-pulmonary-disease")]
    [InlineData("Crohn's disease, ulcerative colitis", "crohns-disease|ulcerative-colitis")]
    [InlineData("epilepsy + autism", "epilepsy|autism")]
    [InlineData("glaucoma\nlupus\nasthma", "glaucoma|lupus|asthma")]
    [InlineData("chronic pain from a car accident and insomnia", "chronic-pain|insomnia")]
    [InlineData("PTSD, PTSD and ptsd", "ptsd")]
    [InlineData("HIV/AIDS", "hiv-aids")]
    [InlineData("nausea and vomiting", "severe-nausea")]
    [InlineData("opioid dependence with withdrawal", "opioid-withdrawal")]
    [InlineData("dyskinetic and spastic movement disorders", "dyskinetic-and-spastic-movement-disorders")]
    [InlineData("hospice care or terminal illness", "hospice-care|terminal-illness")]
    [InlineData("cachexia, HIV and hepatitis C", "cachexia|hiv-aids|hepatitis-c")]
    public void ResolveAll_SeveralConditions_ReturnsEachInOrder(string input, string expected)
    {
        var results = Resolver.ResolveAll(input);

        results.Select(r => r.ConditionId).Should().Equal(expected.Split('|'));
    }

    [Theory]
    [InlineData("no history of cancer, has chronic pain and insomnia", "-|chronic-pain|insomnia")]
    [InlineData("I have PTSD and my mother has MS", "ptsd|-")]
    [InlineData("denies cancer, HIV or hepatitis C", "-|-|-")]
    [InlineData("family history of epilepsy; patient has seizures", "-|seizures")]
    [InlineData("PTSD, flu", "ptsd|-")]
    [InlineData("sickle-cell trait, Z79.891", "-|-")]
    [InlineData("no cancer but has MS", "-|multiple-sclerosis")]
    [InlineData("mother had MS and epilepsy, I have migraines", "-|-|migraine")]
    [InlineData("my husband has PTSD and I have anxiety", "-|anxiety")]
    [InlineData("PTSD; my dog has cancer", "ptsd|-")]
    public void ResolveAll_MixedNegationAndUnknownParts_ReportsEachPart(string input, string expected)
    {
        var results = Resolver.ResolveAll(input);

        results.Select(r => r.ConditionId ?? "-").Should().Equal(expected.Split('|'));
        results.Where(r => r.ConditionId is null).Should().OnlyContain(r => r.Kind == MatchKind.None || r.Kind == MatchKind.Negated);
    }

    [Fact]
    public void ResolveAll_CodeInList_ReportsImpliedCondition()
    {
        var results = Resolver.ResolveAll("F11.23; PTSD");

        results.Should().HaveCount(2);
        results[0].ImpliedConditions.Should().Equal("opioid-use-disorder");
        results[0].Input.Should().Be("F11.23");
        results[1].Input.Should().Be("PTSD");
    }

    [Fact]
    public void ResolveAll_EmptyInput_ReturnsEmpty()
    {
        Resolver.ResolveAll("   ").Should().BeEmpty();
    }

    [Fact]
    public void Resolve_EmptyInput_ReturnsNone()
    {
        var result = Resolver.Resolve(" ");

        result.Kind.Should().Be(MatchKind.None);
        result.ConditionId.Should().BeNull();
    }

    [Fact]
    public void Resolve_Null_Throws()
    {
        var act = () => Resolver.Resolve(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Theory]
    [InlineData("sleep disorders", "sleep-apnea")]
    [InlineData("bowel disease", "inflammatory-bowel-disease")]
    [InlineData("lupos erythema", "lupus")]
    public void Resolve_NoConfidentMatch_ReturnsUpToThreeSuggestions(string input, string expectedSuggestion)
    {
        var result = Resolver.Resolve(input);

        result.ConditionId.Should().BeNull();
        result.Kind.Should().Be(MatchKind.None);
        result.Suggestions.Should().HaveCountLessThanOrEqualTo(3).And.Contain(expectedSuggestion);
        result.Suggestions.Should().OnlyContain(id => ConditionCatalog.Default.Contains(id));
    }

    [Fact]
    public void Resolve_MultipleConditions_PicksOneAndSaysSo()
    {
        var result = Resolver.Resolve("ALS and MS");

        result.ConditionId.Should().BeOneOf("als", "multiple-sclerosis");
        result.Note.Should().Contain("ResolveAll");
    }

    [Fact]
    public void Resolve_EveryCatalogId_ResolvesToItselfAsId()
    {
        foreach (var definition in ConditionCatalog.Default.All)
        {
            var result = Resolver.Resolve(definition.Id);
            result.ConditionId.Should().Be(definition.Id);
            result.Kind.Should().Be(MatchKind.Id);
            result.ConditionName.Should().Be(definition.Name);
        }
    }

    [Fact]
    public void Resolve_EveryCatalogName_ResolvesToItsCondition()
    {
        foreach (var definition in ConditionCatalog.Default.All)
        {
            Resolver.Resolve(definition.Name).ConditionId.Should().Be(definition.Id, because: $"the name '{definition.Name}' belongs to {definition.Id}");
        }
    }

    [Fact]
    public void Resolve_EveryCatalogTerm_ResolvesToItsCondition()
    {
        foreach (var definition in ConditionCatalog.Default.All)
        {
            foreach (var term in definition.Synonyms.Concat(definition.Abbreviations).Concat(definition.LayPhrases).Concat(definition.Misspellings))
            {
                Resolver.Resolve(term).ConditionId.Should().Be(definition.Id, because: $"'{term}' is listed under {definition.Id}");
            }
        }
    }

    [Fact]
    public async Task Resolve_ConcurrentCalls_GiveSameResults()
    {
        string[] inputs = ["heroin addiction", "F11.23", "opiod withdrawl", "no history of cancer", "PTSD, anxiety; insomnia", "broken arm"];
        var expected = inputs.Select(i => Resolver.Resolve(i)).ToArray();

        var tasks = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 50).SelectMany(_ => inputs.Select(i => Resolver.Resolve(i))).ToArray()));
        var all = await Task.WhenAll(tasks);

        foreach (var batch in all)
        {
            for (var n = 0; n < batch.Length; n++)
            {
                batch[n].Should().BeEquivalentTo(expected[n % inputs.Length]);
            }
        }
    }
}
