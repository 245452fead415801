-- Runs whose landing file holds a posting's latest version made with other rules, taxonomy or
-- extractor versions than the ones given.
select distinct source, crawl_run_id
from postings
where rules_version is distinct from ?
    or taxonomy_version is distinct from ?
    or extractor_version is distinct from ?
