"""trangxa: the domain model shared by the build's stages.

The pipeline, in the order a build runs it:

    read      files → items          (``trangxa_readers`` plugin; ``yamlio``, ``records``)
    check     law vs. what a commune has   (findings, collected as data: ``findings``)
    build     one Pelican run per commune  (``trangxa_site`` plugin; ``build`` loops over communes)
    aggregate the provincial index         (``trangxa_province`` plugin)

The law itself is data: ``profiles/*.yml`` loaded by ``profile``.
"""
