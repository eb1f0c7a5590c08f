namespace Eligibility;

/// <summary>A canonical condition: the library's vocabulary shared by data, rules, CLI and callers.</summary>
/// <param name="Id">Stable kebab-case id.</param>
/// <param name="Name">Display name.</param>
/// <param name="IsA">Ids of broader conditions this one satisfies a listing of.</param>
/// <param name="Implies">Ids a coded diagnosis of this condition also asserts.</param>
public sealed record ConditionDefinition(string Id, string Name, IReadOnlyList<string> IsA, IReadOnlyList<string> Implies);

/// <summary>The catalog of canonical conditions (see shared/conditions.md).</summary>
/// <threadsafety instance="true"/>
public sealed class ConditionCatalog
{
    private readonly Dictionary<string, ConditionDefinition> _byId;

    private ConditionCatalog(IReadOnlyList<ConditionDefinition> all)
    {
        All = all;
        _byId = all.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    /// <summary>The built-in catalog.</summary>
    public static ConditionCatalog Default { get; } = new(
    [
        new("chronic-pain", "Chronic pain", ["opioid-substitution"], []),
        new("intractable-pain", "Intractable pain", ["chronic-pain"], []),
        new("cancer-related-pain", "Cancer-related pain", ["chronic-pain", "cancer"], []),
        new("opioid-use-disorder", "Opioid use disorder", ["substance-use-disorder"], []),
        new("opioid-withdrawal", "Opioid withdrawal", [], ["opioid-use-disorder"]),
        new("cancer", "Cancer", [], []),
        new("ptsd", "Post-traumatic stress disorder", [], []),
        new("epilepsy", "Epilepsy / seizure disorders", [], []),
        new("multiple-sclerosis", "Multiple sclerosis", [], []),
        new("glaucoma", "Glaucoma", [], []),
        new("hiv-aids", "HIV / AIDS", [], []),
        new("inflammatory-bowel-disease", "Inflammatory bowel disease", [], []),
        new("crohns-disease", "Crohn's disease", ["inflammatory-bowel-disease"], []),
        new("ulcerative-colitis", "Ulcerative colitis", ["inflammatory-bowel-disease"], []),
        new("cachexia", "Cachexia / wasting syndrome", [], []),
        new("severe-nausea", "Severe or persistent nausea", [], []),
        new("muscle-spasms", "Severe or persistent muscle spasms / spasticity", [], []),
        new("als", "Amyotrophic lateral sclerosis", [], []),
        new("parkinsons-disease", "Parkinson's disease", [], []),
        new("terminal-illness", "Terminal illness", [], []),
        new("anxiety", "Anxiety disorder", [], []),
        new("insomnia", "Insomnia", [], []),
        new("migraine", "Migraine", [], []),
        new("arthritis", "Arthritis", [], []),
        new("rheumatoid-arthritis", "Rheumatoid arthritis", ["arthritis"], []),
        new("autism", "Autism spectrum disorder", [], []),
        new("tourette-syndrome", "Tourette syndrome", [], []),
        new("sickle-cell-disease", "Sickle cell disease", [], []),
        new("hepatitis-c", "Hepatitis C", [], []),
        new("alzheimers-disease", "Alzheimer's disease", [], []),
        new("neuropathy", "Peripheral neuropathy", [], []),
        new("fibromyalgia", "Fibromyalgia", ["chronic-pain"], []),
        new("crps", "Complex regional pain syndrome", ["chronic-pain"], []),
        new("huntingtons-disease", "Huntington's disease", [], []),
        new("spinal-cord-injury", "Spinal cord injury", [], []),
        new("traumatic-brain-injury", "Traumatic brain injury", [], []),
        new("lupus", "Systemic lupus erythematosus", [], []),
        new("depression", "Depression", [], []),
        new("panic-disorder", "Panic disorder", [], []),
        new("obsessive-compulsive-disorder", "Obsessive compulsive disorder", [], []),
        new("bipolar-disorder", "Bipolar disorder", [], []),
        new("cerebral-palsy", "Cerebral palsy", [], []),
        new("dystonia", "Dystonia", [], []),
        new("ehlers-danlos-syndrome", "Ehlers danlos syndrome", [], []),
        new("interstitial-cystitis", "Interstitial cystitis", [], []),
        new("endometriosis", "Endometriosis", [], []),
        new("hospice-care", "Hospice care", [], []),
        new("muscular-dystrophy", "Muscular dystrophy", [], []),
        new("arnold-chiari-malformation", "Arnold chiari malformation", [], []),
        new("syringomyelia", "Syringomyelia", [], []),
        new("tarlov-cysts", "Tarlov cysts", [], []),
        new("hydrocephalus", "Hydrocephalus", [], []),
        new("neurofibromatosis", "Neurofibromatosis", [], []),
        new("chronic-inflammatory-demyelinating-polyneuropathy", "Chronic inflammatory demyelinating polyneuropathy", [], []),
        new("spinal-stenosis", "Spinal stenosis", [], []),
        new("post-laminectomy-syndrome", "Post laminectomy syndrome", [], []),
        new("residual-limb-pain", "Residual limb pain", [], []),
        new("nail-patella-syndrome", "Nail patella syndrome", [], []),
        new("fibrous-dysplasia", "Fibrous dysplasia", [], []),
        new("myasthenia-gravis", "Myasthenia gravis", [], []),
        new("mitochondrial-disease", "Mitochondrial disease", [], []),
        new("muscular-disorders", "Muscular disorders", [], []),
        new("neurodegenerative-disease", "Neurodegenerative disease", [], []),
        new("spasticity", "Spasticity", [], []),
        new("seizures", "Seizures", [], []),
        new("severe-pain", "Severe pain", [], []),
        new("anorexia-nervosa", "Anorexia nervosa", [], []),
        new("attention-deficit-disorder", "Attention deficit disorder", [], []),
        new("chronic-renal-failure", "Chronic renal failure", [], []),
        new("chronic-pancreatitis", "Chronic pancreatitis", [], []),
        new("hepatitis-b", "Hepatitis b", [], []),
        new("polyneuropathy", "Polyneuropathy", [], []),
        new("post-concussion-syndrome", "Post concussion syndrome", [], []),
        new("lyme-disease", "Lyme disease", [], []),
        new("cystic-fibrosis", "Cystic fibrosis", [], []),
        new("sjogrens-syndrome", "Sjogrens syndrome", [], []),
        new("opioid-substitution", "Condition for which an opioid could be prescribed", [], []),
        new("substance-use-disorder", "Substance use disorder", [], []),
        new("alcohol-use-disorder", "Alcohol use disorder", [], []),
        new("wasting-syndrome", "Wasting syndrome", [], []),
        new("dementia", "Dementia", [], []),
        new("intellectual-disability", "Intellectual disability", [], []),
        new("rare-disease", "Rare disease", [], []),
        new("organ-transplant", "Organ transplant", [], []),
        new("psoriasis", "Psoriasis", [], []),
        new("osteoarthritis", "Osteoarthritis", [], []),
        new("chronic-obstructive-pulmonary-disease", "Chronic obstructive pulmonary disease", [], []),
        new("sleep-apnea", "Sleep apnea", [], []),
        new("irritable-bowel-syndrome", "Irritable bowel syndrome", [], []),
        new("cardiopulmonary-respiratory-syndrome", "Cardiopulmonary respiratory syndrome", [], []),
        new("mast-cell-disease", "Mast cell disease", [], []),
        new("vulvodynia", "Vulvodynia", [], []),
        new("trigeminal-neuralgia", "Trigeminal neuralgia", [], []),
        new("agitation-of-dementia", "Agitation of dementia", [], []),
        new("traumatic-injury", "Traumatic injury", [], []),
        new("autoimmune-disease", "Autoimmune disease", [], []),
        new("degenerative-disc-disease", "Degenerative disc disease", [], []),
        new("headache", "Headache", [], []),
        new("osteogenesis-imperfecta", "Osteogenesis imperfecta", [], []),
        new("median-arcuate-ligament-syndrome", "Median arcuate ligament syndrome (MALS)", [], []),
        new("decompensated-cirrhosis", "Decompensated cirrhosis", [], []),
        new("dysmenorrhea", "Dysmenorrhea", [], []),
        new("dyskinetic-and-spastic-movement-disorders", "Dyskinetic and spastic movement disorders", [], []),
        new("spinal-cord-disease", "Spinal cord disease", [], []),
        new("hydromyelia", "Hydromyelia", [], []),
        new("spinocerebellar-ataxia", "Spinocerebellar ataxia", [], []),
        new("myoclonus", "Myoclonus", [], []),
        new("neuro-behcets-autoimmune-disease", "Neuro-Behcet's autoimmune disease", [], []),
        new("polycystic-kidney-disease", "Polycystic kidney disease", [], []),
        new("superior-canal-dehiscence-syndrome", "Superior canal dehiscence syndrome", [], []),
        new("colitis", "Colitis", [], []),
        new("chronic-tic-disorder", "Chronic motor or vocal tic disorder", [], []),
        new("corticobasal-degeneration", "Corticobasal degeneration", [], []),
        new("psychiatric-disorders", "Debilitating psychiatric disorders", [], []),
        new("bulimia-nervosa", "Bulimia nervosa", [], []),
        new("anorexia", "Anorexia (loss of appetite; not specifically anorexia nervosa)", [], []),
        new("inclusion-body-myositis", "Inclusion body myositis", [], []),
        new("epidermolysis-bullosa", "Epidermolysis bullosa", [], []),
        new("hepatitis", "Hepatitis (any type, unspecified)", [], []),
        new("research-program-condition", "Condition approved for a state research program", [], []),
        new("diabetes", "Diabetes", [], []),
        new("asthma", "Asthma", [], []),
        new("wilsons-disease", "Wilson's disease", [], []),
    ]);

    /// <summary>Every condition.</summary>
    public IReadOnlyList<ConditionDefinition> All { get; }

    /// <summary>A condition by id, or null.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The definition or null.</returns>
    public ConditionDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Whether the id is in the catalog.</summary>
    /// <param name="id">The id.</param>
    /// <returns>True when known.</returns>
    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>Broader conditions (transitive is_a), nearest first.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The ids.</returns>
    public IReadOnlyList<string> Broader(string id)
    {
        var result = new List<string>();
        var queue = new Queue<string>([id]);
        while (queue.Count > 0)
        {
            foreach (var parent in Find(queue.Dequeue())?.IsA ?? [])
            {
                if (!result.Contains(parent))
                {
                    result.Add(parent);
                    queue.Enqueue(parent);
                }
            }
        }

        return result;
    }

    /// <summary>Ids a coded diagnosis of this condition also asserts.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The ids.</returns>
    public IReadOnlyList<string> ImpliedByCode(string id) => Find(id)?.Implies ?? [];
}
