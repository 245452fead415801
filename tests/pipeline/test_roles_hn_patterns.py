"""HN post patterns of rules versions roles-2026.12.2 to .4 (docs/roles.md, "Errors by pattern")."""

from __future__ import annotations

from pipeline.roles import classify_title, openings_of_posting

AI, DS, OT = "ai_engineer", "data_scientist", "other"


def _families(post: str) -> list[str]:
    """The families of the openings a whole HN post gives, as the transform reads it."""
    openings = openings_of_posting("hn_whoishiring", None, post)
    return sorted({o.role_family for o in openings} - {OT})


def test_ds_abbreviation_is_the_discipline_not_a_title() -> None:
    # "DS" is the area; as a header category it gives way to the body's list of openings
    post = (
        "Fernhill Farms | Engineering & DS | Full-time | Lisbon\n\nHiring for two roles:\n\n"
        "- Backend Engineer: our lending service in Kotlin.\n"
        "- Machine Learning Engineer: our credit models in production.\n"
    )
    assert _families(post) == [AI]
    assert classify_title("DS").role_family == DS
    assert classify_title("Senior DS Manager").role_family == DS


def test_ds_beside_algorithms_is_no_data_science() -> None:
    assert classify_title("Computer Science (DS & Algo)").role_family == OT


def test_header_stack_field_beside_a_role_field_is_no_opening() -> None:
    post = "Quillmark | CTO | Remote (EU) | Full-time | Haskell, Rust, ML, Kotlin\nA small team."
    assert _families(post) == []


def test_header_stack_field_with_non_areas_is_no_opening() -> None:
    post = "Orbitline | Oslo | ONSITE | Java, Python, Machine Learning, Scheduling, AWS\nWe plan."
    assert _families(post) == []


def test_header_areas_with_languages_alone_still_name_the_opening() -> None:
    post = "Lumen Maps | Computer Vision, C++, Python | Leipzig | ONSITE\nWe map roads."
    assert _families(post) == [AI]


def test_associate_after_a_field_is_the_role() -> None:
    assert classify_title("AI Associate").role_family == OT
    assert classify_title("AI Associate").normalized_title == "AI Associate"
    assert classify_title("Associate ML Engineer").role_family == AI
    assert classify_title("Associate Data Scientist").role_family == DS


def test_ai_before_a_common_noun_describes_the_work() -> None:
    assert classify_title("Product Engineer (Growth/Building AI Agents)").role_family == AI
    assert classify_title("Platform Engineer, AI-Native").role_family == AI
    assert classify_title("Senior Backend Engineer, Hazel AI").role_family == OT
    assert classify_title("Bits AI SRE").role_family == OT


def test_short_parenthesis_does_not_make_a_header_title_too_long() -> None:
    post = (
        "Tallow Labs | Founding Full Stack Developer (AI x Contract Review x Graphs) | Remote\n"
        "We read contracts."
    )
    assert _families(post) == [AI]


def test_dash_inside_a_pipe_field_joins_a_title_and_its_team() -> None:
    post = "Ledgerly | Staff Backend Engineer — AI-Driven Invoice Matching | Remote (US)\nWe pay."
    openings = openings_of_posting("hn_whoishiring", None, post)
    assert [o.role_family for o in openings] == [AI]
    assert classify_title("Staff Backend Engineer").role_family == OT


def test_dash_team_join_needs_a_title_before_it() -> None:
    post = "Ledgerly – Berlin | Backend Engineer | Remote\nWe pay."
    assert [o.title for o in openings_of_posting("hn_whoishiring", None, post)] == [
        "Backend Engineer"
    ]


def test_as_well_as_continues_a_hiring_list() -> None:
    post = (
        "Transitly | Engineers | Berlin | ONSITE\n\n"
        "We are hiring for Backend (Go, Kafka) and mobile engineers as well as Data Science."
    )
    assert _families(post) == [DS]


def test_list_in_parentheses_after_positions_including() -> None:
    post = (
        "Brightmoor - Austin, TX\n\nBrowse our engineering openings here (including new grads, "
        "site reliability engineers and data scientists): careers page.\n"
    )
    assert _families(post) == [DS]


def test_team_named_after_a_hiring_phrase_qualifies_the_role() -> None:
    post = (
        "Visionly | Remote\n\nWe're hiring backend engineers for our ML and search platform "
        "teams, plus a designer.\n"
    )
    assert _families(post) == [AI]
    plain = "Visionly | Remote\n\nWe're hiring backend engineers for our customers in retail.\n"
    assert _families(plain) == []


def test_title_line_beside_discipline_lines_is_a_list() -> None:
    post = (
        "Cellwise | Platform Engineer | Palo Alto, CA | Onsite\n\nWe sequence cells.\n\n"
        "Platform Engineer: https://example.com/jobs/1\n\nMachine Learning: https://example.com/jobs/2\n"
    )
    assert _families(post) == [AI]


def test_discipline_lines_with_a_stack_after_them_are_no_list() -> None:
    post = (
        "Cellwise | Platform Engineer | Palo Alto, CA | Onsite\n\nTech:\n"
        "Machine Learning: pytorch, numpy and a cluster of GPUs for your experiments\n"
        "Platform Engineering: go, kubernetes, terraform, postgres\n"
    )
    assert _families(post) == []


def test_title_after_a_label_in_a_list_item() -> None:
    post = (
        "Quarry - Denver, CO\n\n* The Navigator: Backend Engineer\n"
        "* The Oracle: Data Scientist / ML Engineer\n\nWe index rocks."
    )
    assert _families(post) == [AI, DS]


def test_dash_shaped_line_below_a_place_header() -> None:
    post = (
        "Remote or Portugal\n\nScribbly - Founding Engineer (AI x Legal Drafting) - Remote - $90k\n"
        "https://example.com\n\nWe draft contracts."
    )
    assert _families(post) == [AI]


def test_not_ends_a_hiring_phrase() -> None:
    post = "Anvil | Remote\n\nWe are looking for a senior systems architect, not a feature developer.\n"
    titles = [o.title for o in openings_of_posting("hn_whoishiring", None, post)]
    assert "not a feature developer" not in titles


def test_dash_team_that_is_a_discipline_joins_the_title() -> None:
    post = "Brookvale | ONSITE | Denver, CO | Senior Software Engineer - Machine Learning\nWe farm."
    openings = openings_of_posting("hn_whoishiring", None, post)
    assert [(o.normalized_title, o.role_family) for o in openings] == [
        ("Software Engineer, Machine Learning", AI)
    ]


def test_requirement_in_parentheses_is_no_qualifier() -> None:
    post = "Pinecrest | Software Engineers (ML experience a plus) | Boston, MA | ONSITE\nWe ship."
    assert _families(post) == []
    wish = "Fairway | ML Engineer (must be a golfer) | REMOTE\nWe putt."
    assert _families(wish) == [AI]


def test_place_in_parentheses_does_not_make_a_header_prose() -> None:
    post = "Founding AI Engineer at Stealth Startup (Utrecht, The Netherlands)\n\nAbout us."
    assert _families(post) == [AI]


def test_ai_conjunct_before_a_customer_facing_engineer() -> None:
    assert classify_title("Distributed Systems/AI/DevRel Engineers").role_family == AI
    assert classify_title("AI Support Engineer").role_family == OT


def test_plus_between_words_coordinates() -> None:
    assert classify_title("Machine learning+audio engineer").role_family == AI
    assert classify_title("C++ Developer").role_family == OT


def test_numbered_item_with_its_description_in_the_same_paragraph() -> None:
    description = "You would turn prototype pricing models into production systems. " * 12
    post = (
        "Tidewater Analytics | Multiple Roles | Leeds, UK | ONSITE\n\n"
        f"1) Senior Machine Learning Engineer | £75k (https://example.com/j/1). {description}\n\n"
        f"2) Senior Backend Engineer | £70k (https://example.com/j/2). {description}\n"
    )
    assert _families(post) == [AI]


def test_area_label_then_titles_under_a_cue() -> None:
    post = (
        "Vellum is hiring a number of positions\n\nWe build search.\n\nOpen positions:\n\n"
        "In engineering: backend engineer (remote OK), ML engineer (Bay area preferred), "
        "and SRE\n\nOutside of engineering: technical writer\n"
    )
    assert _families(post) == [AI]


def test_openings_listed_after_including() -> None:
    post = (
        "Helix Bio | Cambridge, MA | Onsite\n\nWe're looking for engineers across the stack, "
        "including data scientists, front-end engineers, and full-stack devs to build our lab "
        "software.\n"
    )
    assert _families(post) == [DS]
    areas = "Cortexa | Remote\n\nWe are hiring across several engineering roles, including ML, backend and mobile.\n"
    assert _families(areas) == [AI]


def test_skills_after_including_are_no_openings() -> None:
    post = (
        "Helix Bio | Senior Engineer | Cambridge, MA\n\nWe're looking for engineers with "
        "experience in many areas, including machine learning and data science.\n"
    )
    assert _families(post) == []


def test_dash_separated_list_after_a_cue() -> None:
    post = (
        "Clinify | Remote (US) | Multiple roles\n\nWe are looking for: Senior Platform Engineer "
        "- Staff ML Engineers - A Director of Engineering for our Product groups - Staff Data "
        "Scientists - More!\n"
    )
    assert _families(post) == [AI, DS]


def test_title_opening_a_header_phrase() -> None:
    post = "Quantly | Data Scientists/Engineers across the stack | Full-time | NYC\nWe model."
    assert _families(post) == [DS]
    assert _families("Quantly | Building better maps for cities | NYC\nWe model.") == []


def test_double_dash_before_a_description_ends_the_title() -> None:
    post = (
        "Arbor | Boston, MA | ONSITE\n\n+ Software Engineers -- Front end, backend, APIs. "
        "Machine learning skills a strong plus.\n+ Machine Learning Engineers -- You understand "
        "the math and the tools.\n"
    )
    assert _families(post) == [AI]
    team = "Arbor | SF\n\nWe're looking for:\n\n- Senior SW Engineer -- robotics and computer vision\n- IT Engineer\n"
    assert _families(team) == [AI]


def test_list_after_a_colon_in_a_hiring_sentence() -> None:
    post = (
        "Skyway | London | ONSITE\n\nHiring at a senior level in several disciplines: backend, "
        "data science, designers, product.\n"
    )
    assert _families(post) == [DS]


def test_it_in_capitals_is_an_area() -> None:
    post = "Ridgeline Robotics | Software, Machine Learning, Computer Vision, IT | Pittsburgh, PA\nWe build."
    assert _families(post) == [AI]


def test_team_without_a_determiner_after_a_hiring_phrase() -> None:
    post = "Fenwick | Boston\n\nWe are hiring Software Engineers in Data and ML teams.\n"
    assert _families(post) == [AI]
    assert _families("Fenwick | Boston\n\nWe are hiring engineers in New York.\n") == []


def test_cv_before_an_engineering_noun_is_computer_vision() -> None:
    assert classify_title("Senior CV Engineer").role_family == AI
    assert classify_title("CV/ML").role_family == AI
    assert classify_title("CV Writer").role_family == OT
    post = (
        "Orchard | Remote\n\nHiring process: cover letter and CV, a take-home task, interviews.\n"
    )
    assert _families(post) == []


def test_spaced_slash_list_in_a_pipe_field_is_one_list() -> None:
    post = "Nextly | 100% Remote | Full Time / Contract | Software Eng / Design / ML\nWe read."
    assert _families(post) == [AI]


def test_title_before_a_phrase_in_a_list_under_a_cue() -> None:
    post = (
        "Causeway | SF | Hybrid\n\nWe're focused on hiring for our R&D team this month:\n"
        "1. Applied AI engineers with ML or data science backgrounds\n"
        "2. Technical Project Manager to lead our rituals\n"
    )
    assert _families(post) == [AI]
    activity = (
        "Causeway | Backend Engineer | SF\n\nIn this role you will:\n"
        "- Learn ML engineering from researchers on a small team.\n- Ship pipelines.\n"
    )
    assert _families(activity) == []


def test_roles_after_as_well_as_past_an_aside() -> None:
    post = (
        "Tablemate | Software Engineer | SF\n\nWe are hiring for engineers across the web "
        "stack, as well as ML engineers. See our jobs page.\n"
    )
    assert _families(post) == [AI]


def test_short_team_after_a_dash_in_a_list_line() -> None:
    post = (
        "Brightline | Remote\n\nOpen roles:\n* Staff Software Engineer - Platform, Machine "
        "Learning ($200,000 - $250,000): https://example.com/1\n* IT Manager: https://example.com/2\n"
    )
    assert _families(post) == [AI]
    described = "Brightline | Remote\n\nOpen roles:\n* Backend Engineer - you will own our APIs\n"
    assert _families(described) == []


def test_area_after_in_following_a_header_title() -> None:
    post = "Senior Software Engineer in Machine Learning (Cloud Databases) | Toronto | ONSITE\nx"
    assert _families(post) == [AI]


def test_salary_aside_does_not_make_a_list_title_prose() -> None:
    post = "Hexa | NYC\n\nPositions:\n- Machine Learning Engineer ($120-150k plus options)\n- Lead Engineer\n"
    assert _families(post) == [AI]


def test_numbered_item_with_a_phrase_after_the_title() -> None:
    post = "Hexa | NYC\n\n(1) Backend Engineers with Go experience.\n(2) ML Engineers with a statistics background.\n"
    assert _families(post) == [AI]


def test_inline_numbered_list_after_a_hiring_verb() -> None:
    post = (
        "Hexa | NYC\n\nWe are hiring for: 1. Director of Engineering (AI) 2. Software Engineer "
        "3. Community Manager\n"
    )
    assert _families(post) == [AI]


def test_areas_after_a_bare_role_label() -> None:
    post = "Hexa | NYC\n\nWe are hiring:\n- Engineers: Backend, Frontend, DevOps, Data/ML, Security\n- Designers\n"
    assert _families(post) == [AI]


def test_ai_qualifier_coordinated_before_a_role_is_one_title() -> None:
    post = "Hexa | Austin\n\nWe are hiring across the board:\n- CV & Robotics SWE\n- Mechanical Engineer\n"
    assert _families(post) == [AI]
    plain = (
        "Hexa | London\n- Simulation, Optimisation and Control Engineers\n- Embedded Engineers\n"
    )
    assert _families(plain) == []


def test_inline_bullets_after_a_cue_separate_openings() -> None:
    # roles-2026.12.3: " <> " and " * " between items on one line after a cue
    arrows = (
        "Acme | NYC\n\nOpen Roles: Senior Backend Engineers <> Mobile Engineers <> "
        "Data Scientists <> ML Engineers <> Product Designers\n"
    )
    assert _families(arrows) == [AI, DS]
    stars = (
        "Acme | Boston\n\nOpen Roles (all roles require 6 years of work experience) * Data "
        "Infrastructure Engineer * Senior Data Scientist (healthcare data experience) * Head of "
        "Product\n"
    )
    assert _families(stars) == [DS]


def test_roles_of_after_a_hiring_verb_lists_areas() -> None:
    post = (
        "Discord | Senior Engineers | San Francisco\n\nWe're hiring senior engineers in the key "
        "roles of backend, native, data science, and data infrastructure. Join us.\n"
    )
    assert _families(post) == [DS]


def test_be_in_capitals_and_level_ranges_are_no_prose() -> None:
    header = "Primer | Mid-Senior Data, BE, Generative AI Engineers, Data Scientist | Remote\n"
    assert _families(header) == [AI, DS]
    ranged = "Coachcube | Mid to Senior ML Engineer and CV Engineer | Onsite London\n"
    assert _families(ranged) == [AI]


def test_when_and_which_words_between_a_cue_and_its_list() -> None:
    # roles-2026.12.4: "now", "soon", "particularly for" after a cue still lead to the list
    particular = (
        "Tidewell Bio | Remote\n\nSeveral roles available, particularly for ML engineers, "
        "lab automation engineers and chemists.\n"
    )
    assert _families(particular) == [AI]
    now = "Roadlight | Mountain View\n\nHiring now, Software Engineers and Data Scientists:\n"
    assert _families(now) == [DS]
    soon = (
        "Pellet | Firmware Engineer | SF\n\nWe will begin hiring soon for Mechanical Engineers "
        "(ideally with DFM background), Computer Vision Engineers and QA.\n"
    )
    assert _families(soon) == [AI]
    assert _families("Pellet | SF\n\nWe are hiring now to grow our ML platform team.\n") == []


def test_a_line_opening_with_a_title_names_an_opening() -> None:
    # roles-2026.12.4: a list item, a role label or an article, then the title and its description
    items = (
        "Cobalt Cloud | Remote\n\nWe're hiring:\n\n- A platform engineer\n"
        "- A machine learning engineer who's at home with image models\n"
    )
    assert _families(items) == [AI]
    paragraphs = (
        "Drivewise | engineers | San Diego\n\nOur stack is mostly Python. We're looking for:\n\n"
        "A Tooling Engineer to speed up our builds.\n\n"
        "A Data Scientist to measure how our fleet drives.\n"
    )
    assert _families(paragraphs) == [DS]
    labelled = (
        "Ferngrove | Platform Engineer | Boston\n\n"
        "Role: Perception / Computer Vision engineer working on our field scanner.\n"
    )
    assert _families(labelled) == [AI]


def test_a_line_about_people_already_there_names_no_opening() -> None:
    post = (
        "Ferngrove | Frontend Engineer | Boston\n\n* Data scientists on our team use these tools.\n"
        "* Work closely with ML engineers\n* A passion for machine learning\n"
        "A data scientist's dream: clean data.\n"
    )
    assert _families(post) == []


def test_a_leading_ai_qualifier_is_shared_by_a_bare_role_noun() -> None:
    # roles-2026.12.4: "ML Research scientists and engineers": ML research engineers as well
    post = (
        "Tonal Labs | SF\n\nLooking for:\n\n* ML Research scientists and engineers who are deep "
        "in generative audio models\n\n* Devops expert for our training cluster\n"
    )
    assert _families(post) == [AI]
    plain = "Tonal Labs | SF\n\nLooking for:\n\n* Research scientists and engineers\n"
    assert _families(plain) == []


def test_application_before_an_engineering_noun_is_a_field_not_prose() -> None:
    # roles-2026.12.4: "Application Engineer" no longer makes a list of titles a sentence
    post = (
        "Tastewise | NYC | Full-Time | Onsite\n"
        "Position: Backend Engineer, Application Engineer, DevOps, Data Scientist, Sales\n"
    )
    assert _families(post) == [DS]
    assert _families("Tastewise | NYC\n\nSend your application engineers read: ML Engineer\n") == []


def test_seeks_after_any_subject_is_a_hiring_verb() -> None:
    # roles-2026.12.4: "The imaging group seeks a Data Scientist to ..."
    post = (
        "Helix Health | Imaging | Basel | Full-Time\n"
        "The imaging group seeks a curious Imaging Data Scientist to join our biomarker work.\n"
    )
    assert _families(post) == [DS]
    mission = "Helix Health | Frontend Engineer | Basel\nHelix seeks to help data scientists.\n"
    assert _families(mission) == []


def test_titles_between_bullets_on_one_line_are_a_list() -> None:
    # roles-2026.12.4: "► Data Engineer ► Data Scientist ► Machine Learning Engineer"
    post = (
        "Stackwise | See Roles Below | Austin\n\nRoles:\n"
        "► Data Engineer ► Data Scientist ► Machine Learning Engineer ► Site Reliability Engineer\n"
    )
    assert _families(post) == [AI, DS]
    facts = "Stackwise | Frontend Engineer | Austin\n\nRemote • Full-time • ML\nPython ► Go ► ML\n"
    assert _families(facts) == []


def test_semicolons_separate_titles_in_a_header_field() -> None:
    # roles-2026.12.4: "A; B in Machine Learning" gives both titles, B with its area
    post = (
        "Northwind Cloud | Senior Software Engineer; Senior Software Engineer in Machine Learning"
        " | Vancouver, Canada; Seattle, WA | Full-time\nWe run the cloud.\n"
    )
    assert _families(post) == [AI]
    assert _families("Northwind | Backend Engineer; ML experience a plus | Vancouver\nHi.\n") == []


def test_an_activity_in_parentheses_after_an_engineer_is_the_team() -> None:
    # roles-2026.12.4: "(Data Engineering, Machine Learning)" names teams, not the actual role
    assert (
        classify_title("Software Engineer (Data Engineering, Machine Learning)").role_family == AI
    )
    assert classify_title("Software Engineer (Data Engineering)").role_family == OT
    assert classify_title("Software Engineer (Data Scientist)").role_family == DS


def test_a_listed_title_keeps_the_ai_areas_on_its_line() -> None:
    # roles-2026.12.4: the parenthesis or pipe field after a listed title is its areas
    paren = (
        "Retina Labs | Los Angeles | Software Engineer\nWe are hiring in two categories.\n"
        "* Full-stack software engineers (Python, Frontend, UI)\n"
        "* Algorithms engineer (image processing, deep learning)\n"
    )
    assert _families(paren) == [AI]
    pipe = (
        "Mapsight | London | Onsite\nWe are seeking people to join our team:\n"
        "- SOFTWARE ENGINEERS | Mobile (iOS & Android)\n"
        "- RESEARCH ENGINEERS | Computer Vision, Robotics\n"
    )
    assert _families(pipe) == [AI]
    remarks = (
        "Mapsight | London\nWe are hiring:\n- Backend Engineers (ML experience a plus)\n"
        "- Frontend Engineers | AI startup vibes, great team\n"
    )
    assert _families(remarks) == []


def test_a_salary_may_follow_a_listed_title() -> None:
    post = (
        "Answerly | Palo Alto\nWe are hiring!!\n-Machine Learning Engineers $120-200k plus equity\n"
    )
    assert _families(post) == [AI]


def test_a_title_or_area_alone_before_its_link_is_an_opening() -> None:
    # roles-2026.12.4: "Machine Learning: <link>", "Manager, Engineering - ML <link>"
    areas = (
        "Heartwise | Multiple Roles | REMOTE\n\nSoftware: https://jobs.example.com/1\n"
        "Machine Learning: https://jobs.example.com/2\n"
    )
    assert _families(areas) == [AI]
    title = "Samsaric\n\nManager, Engineering - Computer Vision https://jobs.example.com/3\n"
    assert _families(title) == [AI]
    pages = (
        "Heartwise | Backend Engineer | NYC\n\nRead about our ML platform: https://example.com/a\n"
        "Machine Learning blog: https://example.com/b\nData Science at Heartwise: https://example.com/c\n"
    )
    assert _families(pages) == []


def test_a_header_list_of_areas_may_hold_one_unknown_word() -> None:
    # roles-2026.12.4: "Simulation" is no area the vocabulary knows; the list still stands
    post = (
        "Robotworks | Software, Machine Learning, Computer Vision, Simulation, IT | Pittsburgh\n"
        "Robotics Engineer, Mobile Robotics: https://jobs.example.com/1\n"
    )
    assert _families(post) == [AI]
    sector = "Robotworks | Machine Learning, Payments, Lending, Fintech | Pittsburgh | CTO\nHi.\n"
    assert _families(sector) == []
