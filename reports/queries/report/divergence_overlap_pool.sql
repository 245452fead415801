-- Cosine similarity of the roles' skill-share vectors and Jaccard overlap of their top-20 skills
-- over the months in [$start, $end) pooled into one period. The formulas are those of
-- warehouse/models/v_role_divergence.sql, over the same counts (role_months and
-- role_month_skills), applied to a period the view does not hold; keep the two in step (a test
-- checks that they agree on every single year).
with role_totals as (
    select
        coalesce(sum(n_skill_postings) filter (where role = 'ai_engineer'), 0) as n_ai,
        coalesce(sum(n_skill_postings) filter (where role = 'data_scientist'), 0) as n_ds
    from role_months
    where month >= $start and month < $end
),

profiles as (
    select
        skill_id,
        sum(n_skill) filter (where role = 'ai_engineer') as n_skill_ai,
        sum(n_skill) filter (where role = 'data_scientist') as n_skill_ds
    from role_month_skills
    where month >= $start and month < $end
    group by skill_id
),

shares as (
    select
        skill_id,
        coalesce(n_skill_ai, 0) / nullif(role_totals.n_ai, 0) as share_ai,
        coalesce(n_skill_ds, 0) / nullif(role_totals.n_ds, 0) as share_ds
    from profiles, role_totals
),

ranked as (
    select
        *,
        case when share_ai > 0 then row_number() over (order by share_ai desc, skill_id) end as rank_ai,
        case when share_ds > 0 then row_number() over (order by share_ds desc, skill_id) end as rank_ds
    from shares
)

select
    case when bool_or(share_ai > 0) and bool_or(share_ds > 0) then
        sum(share_ai * share_ds)
        / nullif(sqrt(sum(share_ai * share_ai)) * sqrt(sum(share_ds * share_ds)), 0)
    end as cosine,
    case when bool_or(share_ai > 0) and bool_or(share_ds > 0) then
        count(*) filter (where rank_ai <= 20 and rank_ds <= 20)
        / nullif(count(*) filter (where rank_ai <= 20 or rank_ds <= 20), 0)
    end as jaccard_top20
from ranked
