-- Which text speaks for which role. An HN post often hires several roles and shares most of its
-- text among them; crediting that text to every role rewrites the roles' skill profiles (a post
-- hiring a data scientist and three frontend engineers would make React a data-science skill).
-- Skill shares therefore count the postings that hire one family alone. An opening's own section,
-- when the post gives it one, is kept on the opening, and role_postings keeps the mentions of each
-- family's sections for analysts (docs: warehouse/README.md).

alter table openings add column section_start integer;
alter table openings add column section_end integer;

-- One row per canonical posting and role family it hires: how its skills are attributed to that
-- role and the distinct skills that count for it.
--   only_family  every opening of the posting is of this family: all its mentions count;
--   own_section  the posting also hires other roles, and this family's openings have sections of
--                their own: skills holds the mentions inside those sections;
--   shared_text  the posting also hires other roles and its text is shared by all of them: skills
--                is empty.
-- Only only_family rows enter the skill shares: a section is a part of a post (the company, stack
-- and benefits it shares with the other openings are not in it), so its mentions are not
-- comparable with a whole posting's.
create table if not exists role_postings (
    global_id varchar not null,
    month date not null,
    role varchar not null,
    attribution varchar not null,
    skills varchar[] not null
);

-- Postings that hire the family alone: the denominator of the skill shares. n_postings stays the
-- count of all postings hiring the role.
alter table role_months add column n_skill_postings bigint not null default 0;
