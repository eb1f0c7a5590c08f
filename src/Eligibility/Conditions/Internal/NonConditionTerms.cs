namespace Eligibility.Conditions.Internal;

/// <summary>Phrases that look like a condition but must never map to one (a wrong match is worse than none).</summary>
internal static class NonConditionTerms
{
    private const string Trait = "sickle-cell trait (D57.3) is a carrier state, not sickle cell disease";
    private const string Cannabis = "cannabis-related disorders (F12) are not mapped";
    private const string Nicotine = "nicotine dependence (F17) is not mapped";
    private const string Prescribed = "long-term prescribed opioid use (Z79.891) is not opioid use disorder";
    private const string Poisoning = "opioid poisoning or overdose (T40) is not mapped";

    /// <summary>Every non-condition phrase with the reason it never maps.</summary>
    public static IEnumerable<(string Phrase, string Note)> All =>
    [
        ("sickle cell trait", Trait), ("sickle trait", Trait), ("sickle cell carrier", Trait), ("sickle cell trait carrier", Trait),
        ("carrier of sickle cell", Trait), ("hb as", Trait), ("hemoglobin as", Trait),
        ("glaucoma suspect", "glaucoma suspect (H40.0) is not glaucoma"), ("preglaucoma", "glaucoma suspect (H40.0) is not glaucoma"),
        ("ocular hypertension", "ocular hypertension is glaucoma suspect (H40.0), not glaucoma"),
        ("borderline glaucoma", "glaucoma suspect (H40.0) is not glaucoma"),
        ("hiv exposure", "HIV exposure (Z20.6) is not HIV infection"), ("exposure to hiv", "HIV exposure (Z20.6) is not HIV infection"),
        ("inconclusive hiv test", "inconclusive HIV test (R75) is not HIV infection"),
        ("acute pain", "acute pain (G89.1) is not chronic pain"), ("acute back pain", "acute pain (G89.1) is not chronic pain"),
        ("postoperative pain", "acute postprocedural pain (G89.1) is not chronic pain"),
        ("post operative pain", "acute postprocedural pain (G89.1) is not chronic pain"),
        ("acute postoperative pain", "acute postprocedural pain (G89.1) is not chronic pain"),
        ("pain unspecified", "pain unspecified (R52) is not chronic pain"),
        ("cannabis use disorder", Cannabis), ("cannabis dependence", Cannabis), ("cannabis abuse", Cannabis), ("cannabis addiction", Cannabis),
        ("marijuana addiction", Cannabis), ("marijuana dependence", Cannabis), ("marijuana use disorder", Cannabis), ("weed addiction", Cannabis),
        ("marijuana abuse", Cannabis), ("cannabis withdrawal", Cannabis),
        ("nicotine dependence", Nicotine), ("nicotine addiction", Nicotine), ("tobacco use disorder", Nicotine), ("tobacco dependence", Nicotine),
        ("smoking addiction", Nicotine), ("cigarette addiction", Nicotine),
        ("long term opioid use", Prescribed), ("long term opioid therapy", Prescribed), ("long term use of opiate analgesic", Prescribed),
        ("long term use of opioids", Prescribed), ("long term opiate use", Prescribed), ("chronic opioid therapy", Prescribed),
        ("chronic opioid use", Prescribed), ("opioid use", Prescribed), ("opiate use", Prescribed), ("prescribed opioids", Prescribed),
        ("on pain medication", Prescribed), ("on opioids for pain", Prescribed),
        ("opioid overdose", Poisoning), ("opioid poisoning", Poisoning), ("heroin overdose", Poisoning), ("fentanyl overdose", Poisoning),
        ("discoid lupus", "discoid lupus (L93.0) is not systemic lupus erythematosus"),
        ("discoid lupus erythematosus", "discoid lupus (L93.0) is not systemic lupus erythematosus"),
        ("cutaneous lupus", "cutaneous lupus is not systemic lupus erythematosus"),
        ("lupus anticoagulant", "lupus anticoagulant is a clotting antibody, not lupus"),
        ("head injury", "head injury NOS (S09.90) is not a traumatic brain injury"),
        ("weight loss", "weight loss (R63.4) is not cachexia"), ("unintentional weight loss", "weight loss (R63.4) is not cachexia"),
        ("abnormal weight loss", "weight loss (R63.4) is not cachexia"),
        ("hyperemesis gravidarum", "nausea of pregnancy (O21) is not mapped"), ("morning sickness", "nausea of pregnancy (O21) is not mapped"),
        ("nausea of pregnancy", "nausea of pregnancy (O21) is not mapped"), ("pregnancy nausea", "nausea of pregnancy (O21) is not mapped"),
        ("adjustment disorder", "adjustment disorders (F43.2) are not PTSD"), ("acute stress reaction", "acute stress reaction (F43.0) is not PTSD"),
        ("acute stress disorder", "acute stress reaction (F43.0) is not PTSD"),
        ("transient tic disorder", "transient tic disorder is not Tourette syndrome or a chronic tic disorder"),
        ("provisional tic disorder", "provisional tic disorder is not Tourette syndrome or a chronic tic disorder"),
        ("tic disorder", "an unspecified tic disorder is not Tourette syndrome or a chronic tic disorder"),
        ("vertebral fracture", "a vertebral fracture alone is not a spinal cord injury"),
        ("compression fracture", "a vertebral fracture alone is not a spinal cord injury"),
        ("spinal fracture", "a vertebral fracture alone is not a spinal cord injury"),
        ("behcets disease", "Behçet's disease without neurological involvement is not neuro-Behçet's"),
        ("behcets", "Behçet's disease without neurological involvement is not neuro-Behçet's"),
        ("palliative care", "palliative care alone (Z51.5) is neither hospice care nor terminal illness"),
        ("acute pancreatitis", "acute pancreatitis is not chronic pancreatitis"),
        ("acute kidney injury", "acute kidney injury is not chronic renal failure"), ("acute renal failure", "acute renal failure is not chronic renal failure"),
        ("kidney stones", "kidney stones are not mapped"),
        ("nonepileptic seizures", "psychogenic non-epileptic seizures are not epilepsy"),
        ("non epileptic seizures", "psychogenic non-epileptic seizures are not epilepsy"),
        ("psychogenic nonepileptic seizures", "psychogenic non-epileptic seizures are not epilepsy"),
        ("pseudoseizures", "psychogenic non-epileptic seizures are not epilepsy"),
        ("depressed mood", "a depressed mood is a symptom, not a depressive disorder"),
        ("phantom limb pain", "phantom limb pain is not residual limb pain"),
        ("gestational diabetes", "gestational diabetes (O24.4) is not mapped to diabetes"),
        ("prediabetes", "prediabetes (R73.03) is not diabetes"), ("pre diabetes", "prediabetes (R73.03) is not diabetes"),
    ];
}
