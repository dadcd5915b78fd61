"""entnorm: find the people, places and organisations in news text and resolve every spelling to one entity.

The library API mirrors the CLI: `load_aliases` reads aliases.yaml, `Resolver` groups mentions or names into
entities, and `entnorm.jobs` holds one plain function per command (`extract_files`, `resolve_names` ...).
"""

from entnorm.aliasfile.read import AliasTable, load_aliases
from entnorm.records import Document, Entity, Mention, Resolution
from entnorm.resolution.resolver import Resolver

__version__ = "0.1.0"
__all__ = ["AliasTable", "Document", "Entity", "Mention", "Resolution", "Resolver", "__version__", "load_aliases"]
