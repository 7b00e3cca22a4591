"""trangxa: the domain — everything but the rendering, which the Pelican plugins beside this package do.

The pipeline, in the order a run goes through it, one subpackage a stage:

    law/        the law as data: the legal profile (``profile``), the findings and their Vietnamese messages
                (``findings``, ``messages.vi.yml``), working days (``calendar``)
    config/     the province's and each commune's configuration (``province``, ``commune``)
    read/       a commune's files → items: strict YAML and front matter (``sources``), typed fields (``records``),
                items (``items``), attachments, links in bodies, legacy encodings, the HTML sanitiser
    checks/     the law against the items as of a date: one rule a module (``rules/``), each category's state and
                the score (``status``), the commune as a whole (``commune``)
    build/      the loop over communes (``loop``), what is rebuilt (``fingerprint``), atomic releases
                (``release``), publishing (``publish``)
    aggregate/  what spans communes: the quarterly report (``report``), each commune's summary (``summary``)

Beside them: ``options`` (the options of a run, shared by ``cli`` and ``tasks.py``), ``cli`` (the command
line), ``formats`` (findings as text, JSON, workflow commands), ``scaffold`` (blank templates, editing links),
``text`` (Vietnamese text rules). The domain never imports a Pelican plugin; the plugins import the domain.
"""
