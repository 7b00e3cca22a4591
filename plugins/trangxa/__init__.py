"""trangxa: the domain — everything but the rendering, which the Pelican plugins beside this package do.

The pipeline, in the order a run goes through it, one subpackage a stage:

    law/        the law as data: the legal profile (``profile``; read by ``loading`` against ``schema``; the rules'
                parameters in ``rules``), the findings and their Vietnamese messages (``findings``,
                ``messages.vi.yml``), working days (``calendar``)
    config/     the province's and each commune's configuration, checked against their schemas (``province``,
                ``commune``); the configuration reference written from the schemas (``reference``)
    read/       a commune's files → items: strict YAML and front matter (``sources``), typed fields (``records``),
                items (``items``), Markdown → safe HTML (``markdown``, ``sanitize``), attachments, links in bodies,
                two files one page (``collisions``), legacy encodings
    checks/     the law against the items as of a date: one rule a module (``rules/``), each category's state and
                the score (``status``), ``commune.read_and_check`` — the one way a commune is read and checked
    build/      the one loop over communes, each in a process of its own (``workers``), a commune's build
                (``communes``) and the index's (``index``), one Pelican run given a frozen job (``render``,
                ``jobs``), what is rebuilt (``plan``, ``fingerprint``), atomic releases (``release``),
                publishing (``publish``)
    aggregate/  what spans communes: the quarterly report (``report``), each commune's summary (``summary``)

Beside them: ``runs`` (check, build, report: the three runs), ``options`` (the options of a run, shared by ``cli``
and ``tasks.py``), ``cli`` (the command line), ``schema`` (declared configuration schemas), ``formats`` (findings
as text, JSON, workflow commands), ``scaffold`` (blank templates, editing links), ``text`` (Vietnamese text
rules). The domain never imports a Pelican plugin; the plugins import the domain.
"""
