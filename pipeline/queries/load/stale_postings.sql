-- Postings classified or extracted with other rules, taxonomy or extractor versions than the ones
-- given.
select global_id, content_hash
from postings
where rules_version is distinct from ?
    or taxonomy_version is distinct from ?
    or extractor_version is distinct from ?
