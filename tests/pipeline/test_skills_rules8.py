"""rules-8: tools of 2013-2016 stacks the taxonomy lacked, and names that are also English words,
places or vendors counted only as whole items of a list of tools (the `item` rule)."""

from __future__ import annotations

import pytest

from pipeline.skills import SkillExtractor


def ids(extractor: SkillExtractor, text: str) -> set[str]:
    return {m.skill_id for m in extractor.extract(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Java services: Dropwizard, Flyway, Liquibase, Zipkin", {"flyway", "liquibase", "zipkin"}),
        (
            "Ops: AWS (EC2, OpsWorks), CFEngine, Troposphere",
            {"opsworks", "cfengine", "troposphere"},
        ),
        ("PHP templates in Dwoo; the site runs on HHVM", {"dwoo", "hhvm"}),
        ("Ruby and JRuby, Padrino, RubyMotion for the apps", {"jruby", "padrino", "rubymotion"}),
        ("Python web apps on CherryPy, web2py and Eventlet", {"cherrypy", "web2py", "eventlet"}),
        ("Scala: Scalatra, Cascalog jobs on Hadoop", {"scalatra", "cascalog", "hadoop"}),
        ("Offline storage: IndexedDB, WebSQL, ServiceWorkers", {"indexeddb", "websql"}),
        ("NLP toolkits such as OpenNLP and LingPipe", {"lingpipe"}),
        ("C# with LINQ and Kohana for the PHP side", {"linq", "kohana"}),
        ("iOS: Core Data, Core Animation, MapKit", {"core_animation"}),
        ("Server-side JS (Node, io.js)", {"nodejs"}),
        ("Systems: GAE, Compute Engine, Kubernetes", {"gcp", "kubernetes"}),
    ],
)
def test_added_tools_are_found(extractor: SkillExtractor, text: str, expected: set[str]) -> None:
    assert expected <= ids(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stack: Perl, MySQL, Memcached, Apache, NGINX", "apache_httpd"),
        ("We run a LAMP stack (Linux, Apache, MySQL, PHP)", "apache_httpd"),
        ("CI: Maven, Ant, Hudson/Jenkins, Git", "hudson"),
        ("Web: Jersey, Spring, Hibernate", "jersey"),
        ("Scala, Akka, Spray, Slick and Postgres", "spray"),
        ("Ruby/Sinatra, Postgres/Sequel, Redis", "sequel"),
        ("PHP: Symfony, Doctrine, MySQL", "doctrine"),
        ("Frontend: React, Flow, Jest, Webpack", "flow_js"),
        ("Sass, Foundation, jQuery and Backbone", "zurb_foundation"),
        ("Backbone, Underscore, D3", "lodash"),
        ("Messaging: 0MQ / Kestrel / Kafka", "kestrel"),
        ("Deep learning with TensorFlow, Torch, Theano", "torch7"),
        ("Stripe, Twilio, Mailgun... on Heroku", "mailgun"),
        ("Tests: Jenkins, Locust, JMeter", "locust"),
    ],
)
def test_item_names_in_a_list_of_tools(extractor: SkillExtractor, text: str, expected: str) -> None:
    assert expected in ids(extractor, text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        ("We use Apache Flink, Kafka and Python.", "apache_httpd"),
        ("Code is open source under the Apache license; we write Python and Go.", "apache_httpd"),
        ("Offices in Hoboken, New Jersey | Python, Java", "jersey"),
        ("Our office is on Hudson Street, NYC. Python, Django, Postgres", "hudson"),
        ("We are a foundation for open data; Python and R welcome.", "zurb_foundation"),
        ("Our Foundation funds research in Python, R and Julia.", "zurb_foundation"),
        ("Deliverability engineers (Mailgun and Exceptional)", "mailgun"),
        ("A sequel to our first game, written in C++ and Lua.", "sequel"),
        ("Work flows smoothly: Flow is our culture; we use React, Redux", "flow_js"),
        ("Sales team in Denver: Python, Salesforce; a great flow of leads", "flow_js"),
    ],
)
def test_item_names_elsewhere_are_not_tools(
    extractor: SkillExtractor, text: str, unexpected: str
) -> None:
    assert unexpected not in ids(extractor, text)


def test_a_longer_name_does_not_break_a_list(extractor: SkillExtractor) -> None:
    # "Apache" inside "Apache Kafka" must not stand between Rust and Kafka as a list item
    text = "Our backend stack:\n- Rust\n- Apache Kafka\n- Kubernetes\n"
    assert {"rust", "kafka", "kubernetes"} <= ids(extractor, text)
    assert "apache_httpd" not in ids(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tech: Javascript(React, Angular, D3), CSS", {"javascript", "react", "angular", "d3"}),
        ("Stack: C/C++, Go(golang), Python", {"go", "python", "cpp"}),
        ("Stack: Clojure(Script)/React, Postgres", {"clojure", "react", "postgresql"}),
        (
            "Backend in Python+Django, frontend in React+Redux",
            {"python", "django", "react", "redux"},
        ),
        ("Frontend: ReactJS, ES6/7, Node", {"javascript", "react", "nodejs"}),
        ("We use Node.JS, Socket.IO and Vue.JS", {"nodejs", "websockets", "vue"}),
    ],
)
def test_glued_lists_are_split(extractor: SkillExtractor, text: str, expected: set[str]) -> None:
    assert expected <= ids(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "C++, C++11 and Notepad++",
        "grades A+B",
        "open 24/7",
        "Google+ and Rails 3/4",
        "It ended.The end",
    ],
)
def test_glued_splits_leave_other_strings_whole(extractor: SkillExtractor, text: str) -> None:
    tokens = [t.text for t in extractor.nlp.make_doc(text)]
    for whole in ("C++", "C++11", "Notepad++", "A+B", "24/7", "Google+", "3/4"):
        if whole in text:
            assert whole in tokens
    if "ended.The" in text:
        assert tokens[-4:] == ["ended", ".", "The", "end"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frameworks like Backbone.js, Ember.js, Polymer.js", "polymer"),
        ("Hardware: Arduino, RaspberryPi, sensors", "raspberry_pi"),
        ("AWS (EC2, S3, Route 53)", "route53"),
        ("Queues: Gearman, RabbitMQ", "gearman"),
        ("labels collected on Mechanical Turk with Python", "mturk"),
        ("Flex 4 / ActionScript 3 and HTML5", "actionscript"),
        ("Mesos, Marathon, Chronos and Docker", "chronos"),
        ("Ruby on Rails, Heroku, PG, Sidekiq", "postgresql"),
        ("Cassandra/Elasticsearch/Rabbit/Redis", "rabbitmq"),
        ("CSS: BEM/OOCSS/SMACSS", "oocss"),
        ("iOS: Core Data, Core Location, MapKit", "core_location"),
        ("Rails, MongoDB + Mongoid, Redis", "mongoid"),
        ("AWS (EC2, EBS, S3)", "aws_ebs"),
        ("back-end (ASP, C#, SQL)", "classic_asp"),
        ("ElasticSearch, Solr, Druid.io, Hadoop", "druid"),
        ("PHP: CodeIgniter, Phake, Guzzle", "phake"),
    ],
)
def test_more_tools_of_the_years(extractor: SkillExtractor, text: str, expected: str) -> None:
    assert expected in ids(extractor, text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        ("Rated PG for a family audience; we write Python and Go", "postgresql"),
        ("Our team chats in HipChat; we write Python, Django", "hipchat"),
        ("Don't let the Rabbit out; Python, Go", "rabbitmq"),
        ("Oracle EBS, SQL, PL/SQL", "aws_ebs"),
    ],
)
def test_more_names_elsewhere_are_not_tools(
    extractor: SkillExtractor, text: str, unexpected: str
) -> None:
    assert unexpected not in ids(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Backend stack: node, express, knex, postgres", {"nodejs", "express", "postgresql"}),
        ("Tech: docker, terraform, packer, consul, nomad", {"packer", "consul", "nomad"}),
        ("Front end: html5, bootstrap, sass, less", {"bootstrap", "less", "sass"}),
        ("Tests: mocha, karma, jasmine, Jenkins", {"mocha", "karma", "jasmine"}),
    ],
)
def test_lower_case_names_in_a_list_of_tools(
    extractor: SkillExtractor, text: str, expected: set[str]
) -> None:
    assert expected <= ids(extractor, text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        ("each node in the Kafka cluster runs Python", "nodejs"),
        ("Latency is less than 10 ms in Java and Python", "less"),
        ("We pack and ship with Python; a packer of boxes, Go", "packer"),
        ("a bootstrap phase, then Python and Go", "bootstrap"),
        ("Go is easy to learn", "go"),
    ],
)
def test_lower_case_names_elsewhere_are_not_tools(
    extractor: SkillExtractor, text: str, unexpected: str
) -> None:
    assert unexpected not in ids(extractor, text)


def test_hyphen_bullets_written_onto_items(extractor: SkillExtractor) -> None:
    text = "We are built on:\n-Ruby\n-Rails 4\n-Heroku/AWS\n-NodeJS\n-Git & GitHub\n-MySQL\n"
    assert {"ruby", "rails", "heroku", "aws", "nodejs", "git", "github", "mysql"} <= ids(
        extractor, text
    )
    tokens = [t.text for t in extractor.nlp.make_doc("Python-based, -5 degrees, --verbose")]
    assert "-5" in tokens and "--verbose" in tokens and "based" in tokens
