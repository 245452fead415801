-- The batch, deduplicated by global_id (latest fetch wins) and cast to the warehouse's types.
with typed as (
    select
        * exclude (posted_at, month, fetched_at),
        try_cast(posted_at as timestamptz) as posted_at,
        coalesce(
            try_cast(month || '-01' as date),
            date_trunc('month', try_cast(posted_at as timestamptz))::date
        ) as month,
        coalesce(try_cast(fetched_at as timestamptz), try_cast(posted_at as timestamptz)) as fetched_at
    from _load_batch_postings
)
select * from typed
where month is not null and fetched_at is not null and global_id <> ''
qualify row_number() over (partition by global_id order by fetched_at desc, content_hash desc) = 1
