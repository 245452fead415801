-- Rule, taxonomy and extractor versions of the postings, with how many postings carry each.
select 'rules' as kind, rules_version as version, count(*) as n
from postings group by rules_version
union all
select 'taxonomy', taxonomy_version, count(*)
from postings group by taxonomy_version
union all
select 'extractor', extractor_version, count(*)
from postings group by extractor_version
order by kind, n desc
