-- Which text speaks for which role. An HN post often hires several roles and shares most of its
-- text among them; crediting that text to every role rewrites the roles' skill profiles (a post
-- hiring a data scientist and three frontend engineers would make React a data-science skill).
-- An opening's own section, when the post gives it one, is kept on the opening; role_postings says
-- per posting and role which of its mentions count for that role (docs: warehouse/README.md).

alter table openings add column section_start integer;
alter table openings add column section_end integer;

-- One row per canonical posting and role family it hires: how its skills are attributed to that
-- role and the distinct skills that count for it.
--   only_family  every opening of the posting is of this family: all its mentions count;
--   own_section  the posting also hires other roles, and this family's openings have sections of
--                their own: the mentions inside those sections count;
--   shared_text  the posting also hires other roles and its text is shared by all of them: no
--                mention counts for the role (the posting still counts as hiring it).
create table if not exists role_postings (
    global_id varchar not null,
    month date not null,
    role varchar not null,
    attribution varchar not null,
    skills varchar[] not null
);

-- Postings whose skills count for the role (only_family and own_section): the denominator of the
-- skill shares. n_postings stays the count of all postings hiring the role.
alter table role_months add column n_skill_postings bigint not null default 0;
