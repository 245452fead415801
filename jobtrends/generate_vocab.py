"""Word lists, titles, tools and sentence pools of the synthetic corpus generator (data only)."""

from __future__ import annotations

# Year -> multiplier, interpolated linearly and held flat outside the given years. A first value
# of 0 means the thing does not exist before its second year.
TRENDS: dict[str, dict[int, float]] = {
    "flat": {2015: 1.0, 2026: 1.0},
    "fall": {2015: 1.5, 2020: 0.8, 2026: 0.35},
    "rise": {2015: 0.4, 2020: 1.0, 2026: 1.5},
    "tf": {2015: 0.7, 2018: 1.6, 2021: 1.0, 2026: 0.35},
    "torch": {2016: 0.05, 2018: 0.5, 2021: 1.4, 2026: 1.9},
    "k8s": {2015: 0.05, 2017: 0.6, 2020: 1.2, 2026: 1.4},
    "modern": {2017: 0.0, 2019: 0.6, 2022: 1.2, 2026: 1.3},
    "llm": {2022: 0.0, 2023: 0.7, 2024: 1.3, 2026: 2.3},
}

# (skill id, surface forms (first is canonical), category, weight for ai_engineer, data_scientist,
# other postings, trend). Weights are relative within a role family.
SKILLS: tuple[tuple[str, tuple[str, ...], str, float, float, float, str], ...] = (
    ("python", ("Python",), "language", 9, 9, 3, "flat"),
    ("sql", ("SQL",), "language", 2.5, 9, 2.5, "flat"),
    ("r", ("R",), "language", 0.3, 5, 0.1, "fall"),
    ("scala", ("Scala",), "language", 1.5, 1.2, 1, "fall"),
    ("java", ("Java",), "language", 2, 0.8, 3, "fall"),
    ("cpp", ("C++",), "language", 3, 0.3, 1.2, "flat"),
    ("go", ("Go", "Golang"), "language", 1.5, 0.1, 3, "rise"),
    ("rust", ("Rust",), "language", 0.8, 0.0, 1, "rise"),
    ("typescript", ("TypeScript",), "language", 0.8, 0.0, 4, "rise"),
    ("javascript", ("JavaScript",), "language", 0.3, 0.0, 4, "fall"),
    ("ruby", ("Ruby",), "language", 0.0, 0.0, 2, "fall"),
    ("julia", ("Julia",), "language", 0.2, 0.4, 0.0, "flat"),
    ("matlab", ("MATLAB", "Matlab"), "stats_package", 0.5, 1.2, 0.0, "fall"),
    ("sas", ("SAS",), "stats_package", 0.0, 1.2, 0.0, "fall"),
    ("stata", ("Stata",), "stats_package", 0.0, 0.6, 0.0, "fall"),
    ("spss", ("SPSS",), "stats_package", 0.0, 0.5, 0.0, "fall"),
    ("pandas", ("pandas", "Pandas"), "data_library", 2, 6, 0.2, "flat"),
    ("numpy", ("NumPy", "numpy"), "data_library", 2.5, 4.5, 0.1, "flat"),
    ("scikit-learn", ("scikit-learn", "sklearn", "Scikit-Learn"), "data_library", 2, 5, 0.0, "flat"),
    ("scipy", ("SciPy",), "data_library", 0.8, 1.5, 0.0, "flat"),
    ("jupyter", ("Jupyter", "Jupyter notebooks"), "notebook", 0.8, 2.5, 0.0, "flat"),
    ("matplotlib", ("Matplotlib", "matplotlib"), "visualisation", 0.3, 1.8, 0.0, "flat"),
    ("seaborn", ("Seaborn",), "visualisation", 0.1, 1.2, 0.0, "flat"),
    ("xgboost", ("XGBoost",), "ml_library", 1, 2, 0.0, "rise"),
    ("statsmodels", ("statsmodels",), "data_library", 0.0, 0.8, 0.0, "flat"),
    ("pytorch", ("PyTorch", "Pytorch"), "ml_framework", 6, 2, 0.1, "torch"),
    ("tensorflow", ("TensorFlow", "Tensorflow"), "ml_framework", 5, 2, 0.1, "tf"),
    ("keras", ("Keras",), "ml_framework", 1.5, 0.8, 0.0, "tf"),
    ("jax", ("JAX",), "ml_framework", 0.8, 0.0, 0.0, "modern"),
    ("hugging-face", ("Hugging Face", "HuggingFace"), "ml_library", 2, 0.5, 0.0, "modern"),
    ("spark", ("Spark", "Apache Spark", "PySpark"), "data_platform", 2, 3, 1, "flat"),
    ("hadoop", ("Hadoop",), "data_platform", 1, 1.5, 0.8, "fall"),
    ("airflow", ("Airflow", "Apache Airflow"), "data_platform", 1.2, 1.5, 0.8, "rise"),
    ("dbt", ("dbt",), "data_platform", 0.0, 1.5, 0.5, "modern"),
    ("snowflake", ("Snowflake",), "data_platform", 0.3, 2, 0.8, "modern"),
    ("bigquery", ("BigQuery",), "data_platform", 0.3, 1.5, 0.5, "rise"),
    ("statistics", ("statistics", "statistical analysis", "statistical modeling"), "statistics", 0.8, 7, 0.0, "flat"),
    ("a-b-testing", ("A/B testing", "A/B tests"), "statistics", 0.3, 5, 0.3, "flat"),
    ("experimentation", ("experimentation", "experiment design"), "statistics", 0.2, 3, 0.2, "rise"),
    ("hypothesis-testing", ("hypothesis testing",), "statistics", 0.0, 2, 0.0, "flat"),
    ("causal-inference", ("causal inference",), "statistics", 0.0, 1.5, 0.0, "rise"),
    ("bayesian-statistics", ("Bayesian statistics", "Bayesian modeling"), "statistics", 0.2, 1.2, 0.0, "flat"),
    ("forecasting", ("time series forecasting", "forecasting"), "statistics", 0.3, 1.5, 0.0, "flat"),
    ("tableau", ("Tableau",), "bi", 0.0, 3, 0.3, "flat"),
    ("power-bi", ("Power BI", "PowerBI"), "bi", 0.0, 1.5, 0.2, "rise"),
    ("looker", ("Looker",), "bi", 0.0, 1.5, 0.3, "flat"),
    ("excel", ("Excel", "Microsoft Excel"), "bi", 0.0, 1.5, 0.5, "fall"),
    ("aws", ("AWS", "Amazon Web Services"), "cloud", 5, 2, 4, "flat"),
    ("google-cloud", ("GCP", "Google Cloud", "Google Cloud Platform"), "cloud", 3, 1.5, 2, "rise"),
    ("azure", ("Azure", "Microsoft Azure"), "cloud", 2, 1, 1.5, "rise"),
    ("docker", ("Docker",), "devops", 5, 1, 3, "rise"),
    ("kubernetes", ("Kubernetes", "k8s"), "devops", 5, 0.3, 2.5, "k8s"),
    ("terraform", ("Terraform",), "devops", 2, 0.0, 1.5, "k8s"),
    ("ci-cd", ("CI/CD", "continuous integration"), "devops", 3, 0.3, 2, "flat"),
    ("mlops", ("MLOps", "ML Ops"), "mlops", 3, 0.5, 0.0, "modern"),
    ("mlflow", ("MLflow",), "mlops", 1.5, 0.8, 0.0, "modern"),
    ("kubeflow", ("Kubeflow",), "mlops", 1, 0.0, 0.0, "modern"),
    ("model-serving", ("model serving", "model deployment"), "serving", 3, 0.3, 0.0, "rise"),
    ("onnx", ("ONNX",), "serving", 1, 0.0, 0.0, "rise"),
    ("tensorrt", ("TensorRT",), "serving", 0.8, 0.0, 0.0, "rise"),
    ("quantization", ("quantization", "model compression"), "serving", 1, 0.0, 0.0, "rise"),
    ("cuda", ("CUDA",), "serving", 1.5, 0.0, 0.1, "flat"),
    ("fastapi", ("FastAPI",), "web", 1.5, 0.2, 0.8, "modern"),
    ("grpc", ("gRPC",), "web", 1, 0.0, 1, "rise"),
    ("openai", ("OpenAI", "the OpenAI API", "GPT-4"), "llm", 4, 0.8, 0.5, "llm"),
    ("anthropic", ("Anthropic", "Claude"), "llm", 2, 0.3, 0.3, "llm"),
    ("langchain", ("LangChain",), "llm", 3, 0.3, 0.2, "llm"),
    ("llamaindex", ("LlamaIndex",), "llm", 1.2, 0.0, 0.0, "llm"),
    ("rag", ("RAG", "retrieval-augmented generation"), "llm", 4, 0.5, 0.3, "llm"),
    ("vector-databases", ("vector databases", "a vector database"), "llm", 3, 0.3, 0.2, "llm"),
    ("pinecone", ("Pinecone",), "llm", 1.2, 0.0, 0.0, "llm"),
    ("pgvector", ("pgvector",), "llm", 1, 0.0, 0.1, "llm"),
    ("fine-tuning", ("fine-tuning", "LLM fine-tuning"), "llm", 3, 0.5, 0.0, "llm"),
    ("prompt-engineering", ("prompt engineering",), "llm", 2, 0.5, 0.2, "llm"),
    ("vllm", ("vLLM",), "llm", 1, 0.0, 0.0, "llm"),
    ("react", ("React", "React.js", "ReactJS"), "frontend", 0.3, 0.0, 5, "rise"),
    ("vue", ("Vue", "Vue.js"), "frontend", 0.0, 0.0, 1.5, "rise"),
    ("angular", ("Angular", "AngularJS"), "frontend", 0.0, 0.0, 1.5, "fall"),
    ("nodejs", ("Node.js", "NodeJS"), "backend", 0.5, 0.0, 3.5, "flat"),
    ("postgresql", ("PostgreSQL", "Postgres"), "database", 1.5, 1, 4, "flat"),
    ("mysql", ("MySQL",), "database", 0.3, 0.5, 2, "fall"),
    ("redis", ("Redis",), "database", 0.8, 0.0, 2, "flat"),
    ("kafka", ("Kafka", "Apache Kafka"), "data_platform", 1.2, 0.3, 1.5, "flat"),
    ("elasticsearch", ("Elasticsearch",), "database", 0.8, 0.0, 1.2, "flat"),
    ("mongodb", ("MongoDB",), "database", 0.3, 0.3, 1.5, "fall"),
    ("graphql", ("GraphQL",), "web", 0.0, 0.0, 1.5, "rise"),
    ("rails", ("Rails", "Ruby on Rails"), "backend", 0.0, 0.0, 2.5, "fall"),
    ("django", ("Django",), "backend", 0.8, 0.3, 2, "flat"),
    ("flask", ("Flask",), "backend", 1, 0.5, 1, "flat"),
    ("kotlin", ("Kotlin",), "mobile", 0.0, 0.0, 1.2, "rise"),
    ("swift", ("Swift",), "mobile", 0.0, 0.0, 1.2, "flat"),
    ("linux", ("Linux",), "devops", 1.5, 0.3, 1.5, "flat"),
    ("git", ("Git",), "devops", 1, 1, 1.5, "flat"),
    ("figma", ("Figma",), "design", 0.0, 0.0, 1, "rise"),
    ("php", ("PHP",), "backend", 0.0, 0.0, 1.5, "fall"),
    ("csharp", ("C#", ".NET"), "language", 0.2, 0.0, 1.5, "flat"),
)

# Skill ids that only exist from 2023 on (LLM tooling); the tests check they never appear earlier.
LLM_SKILLS = tuple(s[0] for s in SKILLS if s[6] == "llm")

# Seniority prefixes and their weights.
SENIORITY_PREFIXES = ("", "Senior ", "Staff ", "Principal ", "Lead ", "Junior ", "Sr. ")
SENIORITY_WEIGHTS = (0.46, 0.3, 0.07, 0.03, 0.05, 0.04, 0.05)

# Titles by family: (title, weight, first year, takes a seniority prefix, safe in an HN header).
# Every title is unambiguous under the role rules; "safe in an HN header" means it has no comma
# or slash, so it survives any header separator and multi-role list.
AI_TITLES: tuple[tuple[str, float, int, bool, bool], ...] = (
    ("Machine Learning Engineer", 6, 2015, True, True),
    ("ML Engineer", 3, 2015, True, True),
    ("Computer Vision Engineer", 1.2, 2015, True, True),
    ("NLP Engineer", 1, 2015, True, True),
    ("Deep Learning Engineer", 1, 2016, True, True),
    ("Software Engineer, Machine Learning", 1.5, 2015, True, False),
    ("Machine Learning Infrastructure Engineer", 0.7, 2018, True, True),
    ("MLOps Engineer", 1.2, 2019, True, True),
    ("ML Platform Engineer", 1, 2019, True, True),
    ("Engineering Manager, Machine Learning", 0.4, 2017, False, False),
)
# From 2023 on; their share of AI titles grows fast (see LLM_TITLE_SHARE).
AI_LLM_TITLES: tuple[tuple[str, float, int, bool, bool], ...] = (
    ("AI Engineer", 6, 2023, True, True),
    ("LLM Engineer", 2, 2023, True, True),
    ("Generative AI Engineer", 1.5, 2023, True, True),
    ("Applied AI Engineer", 1.5, 2023, True, True),
    ("AI Platform Engineer", 1, 2023, True, True),
    ("AI Software Engineer", 1, 2023, True, True),
    ("AI/ML Engineer", 1, 2023, True, False),
    ("Software Engineer, AI Platform", 0.8, 2023, True, False),
)
LLM_TITLE_SHARE = {2022: 0.0, 2023: 0.3, 2024: 0.5, 2025: 0.62, 2026: 0.7}

DS_TITLES: tuple[tuple[str, float, int, bool, bool], ...] = (
    ("Data Scientist", 10, 2015, True, True),
    ("Product Data Scientist", 1, 2015, True, True),
    ("Data Scientist, Product", 1.2, 2015, True, False),
    ("Data Scientist, Growth", 0.6, 2015, True, False),
    ("Marketing Data Scientist", 0.5, 2015, True, True),
    ("Clinical Data Scientist", 0.4, 2015, True, True),
    ("Data Science Manager", 0.8, 2015, False, True),
    ("Head of Data Science", 0.5, 2015, False, True),
    ("Decision Scientist", 0.5, 2015, True, True),
    ("Data Science Intern", 0.3, 2015, False, True),
)

OTHER_TITLES: tuple[tuple[str, float, int, bool, bool], ...] = (
    ("Software Engineer", 10, 2015, True, True),
    ("Backend Engineer", 7, 2015, True, True),
    ("Frontend Engineer", 5, 2015, True, True),
    ("Full Stack Engineer", 7, 2015, True, True),
    ("Data Engineer", 4, 2015, True, True),
    ("Data Analyst", 2, 2015, True, True),
    ("Analytics Engineer", 1, 2019, True, True),
    ("Site Reliability Engineer", 2, 2015, True, True),
    ("DevOps Engineer", 2, 2015, True, True),
    ("Platform Engineer", 1.5, 2015, True, True),
    ("Security Engineer", 1.5, 2015, True, True),
    ("iOS Engineer", 1.5, 2015, True, True),
    ("Android Engineer", 1.5, 2015, True, True),
    ("Mobile Engineer", 1, 2015, True, True),
    ("QA Engineer", 1, 2015, True, True),
    ("Embedded Software Engineer", 0.8, 2015, True, True),
    ("Engineering Manager", 2, 2015, False, True),
    ("Product Manager", 3, 2015, True, True),
    ("Product Designer", 2.5, 2015, True, True),
    ("Research Scientist", 0.6, 2015, True, True),
    ("Solutions Engineer", 1, 2015, True, True),
    ("Technical Writer", 0.5, 2015, False, True),
    ("Developer Advocate", 0.5, 2015, False, True),
    ("Account Executive", 1, 2015, False, True),
    ("Customer Success Manager", 0.8, 2015, False, True),
    ("Recruiter", 0.5, 2015, False, True),
)

# Share of posts with an opening of each family by year: data science rises to 2019 then eases,
# ML engineering grows steadily and AI engineering takes off from 2023.
AI_SHARE = {2015: 0.03, 2017: 0.045, 2019: 0.06, 2021: 0.07, 2022: 0.075, 2023: 0.11,
            2024: 0.16, 2025: 0.21, 2026: 0.25}
DS_SHARE = {2015: 0.045, 2017: 0.065, 2019: 0.082, 2020: 0.072, 2022: 0.06, 2024: 0.045,
            2026: 0.035}
# HN threads per year (posts of a month's thread, relative).
HN_VOLUME = {2015: 1.0, 2016: 1.05, 2017: 1.1, 2018: 1.15, 2019: 1.2, 2020: 0.85, 2021: 1.2,
             2022: 1.25, 2023: 0.75, 2024: 0.6, 2025: 0.6, 2026: 0.55}
# ATS boards list what is open now: mostly recent postings.
ATS_VOLUME = {2015: 0.0, 2018: 0.01, 2020: 0.03, 2022: 0.1, 2023: 0.25, 2024: 1.0, 2025: 1.4,
              2026: 1.8}
REMOTE_SHARE = {2015: 0.2, 2019: 0.28, 2020: 0.55, 2022: 0.6, 2026: 0.45}
SALARY_SHARE = {2015: 0.2, 2019: 0.3, 2022: 0.5, 2026: 0.65}

# Company names: HN posters and ATS boards come from disjoint prefix lists, so no company
# appears in two sources (the warehouse links cross-source duplicates by company).
HN_PREFIXES = (
    "Acme", "Amber", "Anchor", "Apex", "Arbor", "Aster", "Atlas", "Aurora", "Basalt", "Beacon",
    "Birch", "Bluebird", "Boulder", "Bramble", "Brisk", "Cascade", "Cedar", "Cinder", "Civic",
    "Clover", "Cobalt", "Comet", "Copper", "Coral", "Crescent", "Dapper", "Delta", "Ember",
    "Evergreen", "Falcon", "Fathom", "Fern", "Fjord", "Flint", "Foundry", "Garnet", "Glacier",
    "Granite", "Harbor", "Hazel", "Heron", "Hollow", "Indigo", "Iris", "Juniper", "Kestrel",
    "Lantern", "Larch", "Ledger", "Lumen", "Maple", "Marble", "Meadow", "Meridian", "Mosaic",
    "Nimbus", "Northwind", "Oak", "Onyx", "Orchid", "Otter", "Paragon", "Pebble", "Pine",
    "Prairie", "Quarry", "Raven", "Redwood", "Ridge", "Saffron", "Sequoia", "Sierra", "Slate",
)
ATS_PREFIXES = (
    "Tundra", "Umber", "Vale", "Velvet", "Verdant", "Vireo", "Walnut", "Willow", "Wren",
    "Yarrow", "Zephyr", "Zinnia", "Alder", "Bayou", "Calder", "Dune", "Estuary", "Fennel",
    "Gable", "Hearth", "Inlet", "Jasper", "Kiln", "Lagoon", "Mistral", "Nectar", "Orrery",
    "Pylon", "Quill", "Rook", "Sorrel", "Tamarack", "Upland", "Vesper", "Wicket", "Yonder",
)
# RemoteOK lists many small companies; they get their own names too.
REMOTE_PREFIXES = (
    "Nomad", "Driftwood", "Lowtide", "Skylark", "Wayfarer", "Compass", "Horizon", "Kite",
    "Lagom", "Mooring", "Outpost", "Polaris", "Roam", "Sextant", "Trailhead", "Voyage",
)
COMPANY_SUFFIXES = (
    "Labs", "Systems", "Health", "Robotics", "Software", "Works", "Logistics", "Energy", "Bio",
    "Finance", "Security", "Networks", "Mobility", "Commerce", "Studio", "Cloud", "Pay",
    "Insurance", "Foods", "Maps", "Freight", "Retail", "Markets", "Therapeutics",
    "Media", "Games", "Legal", "Grid", "Ops",
)

PRODUCTS = (
    "scheduling software", "payment infrastructure", "a logistics platform", "tools for clinical trials",
    "software for insurance carriers", "developer tooling", "a marketplace for freight",
    "energy management software", "a learning platform for nurses", "fraud prevention tools",
    "an accounting platform", "inventory software", "a telehealth service", "mapping software",
    "a platform for property managers", "tools for restaurant owners", "a hiring platform",
    "a customer support platform", "satellite imagery products", "an identity platform",
    "warehouse robots", "a pricing engine", "software for farms", "a travel booking platform",
)
CUSTOMERS = (
    "small businesses", "hospitals", "retailers", "banks", "city governments", "manufacturers",
    "shipping companies", "universities", "restaurants", "law firms", "utilities", "airlines",
    "insurers", "game studios", "clinics", "online shops",
)
STAGES = (
    "a seed-stage startup", "a Series A company", "a profitable, bootstrapped team",
    "a Series B company", "a Series C company", "a public company", "a ten-year-old company",
)
HEADCOUNTS = ("8", "15", "25", "about 40", "60", "about 150", "300", "over 800", "2,000")

COMPANY_SENTENCES = (
    "{company} builds {product} for {customers}.",
    "At {company} we make {product} that {customers} rely on every day.",
    "{company} is {stage} building {product} for {customers}.",
    "We are {company}, and we build {product} used by {customers} in twelve countries.",
)
COMPANY_SECOND = (
    "We are {stage} with {headcount} people.",
    "The team is {headcount} people today and growing.",
    "We have been growing steadily and are {stage}.",
    "Our customers include some of the largest {customers} in the country.",
    "Revenue has tripled in the last two years.",
    "We are backed by investors who have been with us since day one.",
)

DUTIES = {
    "ai": (
        "You will design, train and ship models that reach customers within weeks.",
        "You will build the pipelines that take models from a prototype to production.",
        "You will own our model serving path and keep latency and cost under control.",
        "You will evaluate models against real traffic and fix what breaks.",
        "You will build ranking and recommendation systems over our catalog.",
        "You will turn research prototypes into reliable services.",
        "You will build the training and feature infrastructure the rest of the team uses.",
        "You will monitor models in production and retrain them when the data drifts.",
        "You will work on perception models that run on devices with tight budgets.",
        "You will make our inference stack faster and cheaper every quarter.",
    ),
    "ai_llm": (
        "You will build features on top of large language models, from prompts to evaluation.",
        "You will design agents that call our internal tools safely.",
        "You will build evaluation suites that tell us when a model change is an improvement.",
        "You will connect language models to our documents and keep answers grounded.",
        "You will own the guardrails, tracing and cost controls of our LLM features.",
    ),
    "ds": (
        "You will design experiments and turn their results into product decisions.",
        "You will build forecasting models the finance team relies on.",
        "You will define the metrics and dashboards our growth team steers by.",
        "You will dig into user behaviour data to find what moves retention.",
        "You will size opportunities with product and engineering before we build.",
        "You will model the effect of marketing spend across channels.",
        "You will build pricing and demand models and explain them to leadership.",
        "You will own the analysis behind our quarterly planning.",
        "You will build churn and lifetime value models for the sales team.",
        "You will answer open questions with data and write them up clearly.",
    ),
    "other": (
        "You will build and run services that handle millions of requests a day.",
        "You will ship features across our web and mobile apps.",
        "You will improve reliability, observability and deploy speed.",
        "You will turn customer feedback into a roadmap and see it through.",
        "You will design flows that make a complicated product feel simple.",
        "You will own a part of the product from the database to the browser.",
        "You will keep our infrastructure secure, patched and cheap to run.",
        "You will mentor other engineers and review their designs.",
        "You will work closely with customers during onboarding.",
        "You will write documentation that people actually read.",
        "You will migrate old services to our new platform without downtime.",
        "You will build internal tools that save our operations team hours every week.",
    ),
}

TEAM = (
    "You will join a team of {n} engineers who own their services end to end.",
    "The team is small, senior and works closely with product and design.",
    "You will report to the head of engineering and work with every part of the company.",
    "We plan in six-week cycles and leave time between them to fix what bothers us.",
    "Most of the team has been here for more than three years.",
    "The team sits between product and infrastructure and gets pulled into both.",
    "We pair often, write design notes for anything big and keep code review fast.",
    "You will have a mentor for your first months and a clear path to grow.",
    "Decisions are made by the people closest to the problem.",
    "On-call is shared, light and paid.",
)
REQUIREMENT_TEMPLATES = {
    1: (
        "Strong experience with {0}",
        "3+ years working with {0} in production",
        "5+ years of hands-on work with {0}",
        "Hands-on experience with {0}",
        "You have shipped real projects with {0}",
        "Deep knowledge of {0}",
        "Familiarity with {0}",
        "Comfort with {0} and a willingness to learn the rest",
    ),
    2: (
        "Experience with {0} and {1}",
        "Fluency in {0} or {1}",
        "You know your way around {0} and {1}",
        "Production experience with {0} together with {1}",
        "Solid skills in {0}; {1} is a plus",
    ),
    3: (
        "Experience with {0}, {1} and {2}",
        "A solid grasp of {0}, {1}, and {2}",
        "Working knowledge of {0}, {1} or {2}",
    ),
}
NICE_TEMPLATES = (
    "Exposure to {0}",
    "Some experience with {0}",
    "You have played with {0} on the side",
    "Background with {0}",
)
STACK_TEMPLATES = (
    "Our stack: {list}.",
    "We use {list} every day.",
    "Tech we work with: {list}.",
    "You will work with {list}.",
    "Today we run on {list}.",
)

# Ordinary sentences. Some use words that are also tool names in another sense (go, excel, swift,
# spark, Ruby, Julia, R&D), which the skill extractor has to tell apart.
FILLER = (
    "We go out of our way to keep meetings short and written decisions long.",
    "You will excel at turning vague problems into clear plans.",
    "Our R&D group ships something new every quarter.",
    "We make swift decisions and revisit them when the facts change.",
    "Small ideas can spark big product changes here.",
    "Ruby, our office dog, will greet you on your first day.",
    "Julia from our people team will walk you through the process.",
    "Let us know where you think the product should go next.",
    "We care about craft, kindness and getting things done.",
    "Most of our work is written down, so you can catch up on your own schedule.",
    "We are a remote-friendly team spread across several time zones.",
    "You will have real ownership from your first month.",
    "We review every application and answer every candidate.",
    "Our interview process is four conversations and no take-home puzzles.",
    "We ship small changes many times a day.",
    "Everyone on the team talks to customers regularly.",
    "We are proud of a calm culture without heroics or late nights.",
    "You will join a team that likes to teach and to learn.",
    "The problems are hard and the impact is easy to see.",
    "We keep a short list of priorities and say no to the rest.",
    "Pay is transparent and the same for everyone at a level.",
    "We meet in person twice a year somewhere nice.",
    "We are building for the long run and grow only as fast as we can hire well.",
    "Our customers renew because the product keeps getting better.",
)
BENEFITS = (
    "Competitive salary and meaningful equity.",
    "Health, dental and vision coverage for you and your family.",
    "Sixteen weeks of paid parental leave.",
    "A yearly learning budget.",
    "Flexible hours.",
    "A home office stipend.",
    "Visa sponsorship is available.",
    "We help with relocation.",
    "Thirty days of paid vacation.",
    "A retirement plan with a company match.",
    "A four-day week in the summer months.",
    "A new laptop of your choice.",
)
APPLY = (
    "Apply at {url}",
    "Apply here: {url}",
    "More about the role and how to apply: {url}",
    "Send us a note at {email} or apply at {url}",
    "Email {email} with a few lines about what you have built.",
)
HN_LIST_INTROS = (
    "We are hiring for:",
    "Open roles:",
    "Positions:",
    "We are looking for:",
    "Currently hiring:",
)
MULTI_ROLE_LABELS = ("Multiple roles", "Several positions", "Multiple positions")

REPLIES = (
    "Is this open to candidates outside the listed country?",
    "Do you sponsor visas for this role?",
    "Is the salary range firm or negotiable?",
    "Sent you an email last week, happy to follow up here.",
    "What does the interview process look like?",
)
REPLY_ANSWERS = (
    "Yes, we are open to that. Please apply and mention it.",
    "Thanks for asking, we answered by email.",
    "It depends on the level; the range above is a guide.",
)

# (location, country code, currency, timezone offset of the ATS timestamps)
LOCATIONS: tuple[tuple[str, str, str, str], ...] = (
    ("San Francisco, CA", "US", "USD", "-07:00"),
    ("New York, NY", "US", "USD", "-04:00"),
    ("Seattle, WA", "US", "USD", "-07:00"),
    ("Austin, TX", "US", "USD", "-05:00"),
    ("Boston, MA", "US", "USD", "-04:00"),
    ("Chicago, IL", "US", "USD", "-05:00"),
    ("Los Angeles, CA", "US", "USD", "-07:00"),
    ("Denver, CO", "US", "USD", "-06:00"),
    ("Washington, DC", "US", "USD", "-04:00"),
    ("Toronto, ON", "CA", "CAD", "-04:00"),
    ("Vancouver, BC", "CA", "CAD", "-07:00"),
    ("London, UK", "GB", "GBP", "+01:00"),
    ("Berlin, Germany", "DE", "EUR", "+02:00"),
    ("Munich, Germany", "DE", "EUR", "+02:00"),
    ("Amsterdam, Netherlands", "NL", "EUR", "+02:00"),
    ("Paris, France", "FR", "EUR", "+02:00"),
    ("Dublin, Ireland", "IE", "EUR", "+01:00"),
    ("Barcelona, Spain", "ES", "EUR", "+02:00"),
    ("Lisbon, Portugal", "PT", "EUR", "+01:00"),
    ("Zurich, Switzerland", "CH", "CHF", "+02:00"),
    ("Stockholm, Sweden", "SE", "EUR", "+02:00"),
    ("Tel Aviv, Israel", "IL", "USD", "+03:00"),
    ("Singapore", "SG", "USD", "+08:00"),
    ("Sydney, Australia", "AU", "USD", "+10:00"),
)
LOCATION_WEIGHTS = (8, 8, 4, 3, 3, 2, 2, 1.5, 1.5, 2, 1, 4, 3, 1.5, 2, 1.5, 1, 1, 1, 1, 1, 1, 1, 1)

REMOTE_REGIONS = ("US", "EU", "Americas", "worldwide", "US or Canada", "UTC-3 to UTC+3")
USD_PER = {"USD": 1.0, "EUR": 0.62, "GBP": 0.55, "CAD": 0.85, "CHF": 0.9}
CURRENCY_SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "CA$", "CHF": "CHF "}

SOURCE_SHARES = {
    "hn_whoishiring": 0.70, "greenhouse": 0.12, "lever": 0.07, "ashby": 0.06,
    "remoteok": 0.03, "jsonld": 0.02,
}
DEFAULT_BOARDS = {"greenhouse": 4, "lever": 3, "ashby": 3, "jsonld": 2}
BOARD_CAP = {"greenhouse": 1500, "lever": 1500, "ashby": 1500, "jsonld": 400}
ASHBY_DEPARTMENTS = ("Engineering", "Product", "Data", "Go To Market", "Operations", "Design")
