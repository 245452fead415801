-- First and last month with role postings, the last one before the current month, and the last
-- one before it that holds at least a given number of role postings.
with months as (
    select month, count(*) as n
    from report_postings
    group by month
)

select
    min(month) as first_month,
    max(month) as last_month,
    max(month) filter (where month < ?) as last_full_month,
    max(month) filter (where month < ? and n >= ?) as last_full_month_with_data
from months
