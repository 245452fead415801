-- First and last month with role postings, and the last one before the current month.
select
    min(month) as first_month,
    max(month) as last_month,
    max(month) filter (where month < ?) as last_full_month
from report_postings
