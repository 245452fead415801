-- Every posting its own canonical posting, before the duplicates found are marked.
update postings set canonical_id = global_id where canonical_id is distinct from global_id
