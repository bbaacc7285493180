"""Rules that fix natasha's known NER mistakes in defence-cooperation news.

natasha's news NER is trained on general news; on our texts it reads misspelt country names as
persons («Азербайдажан»: :mod:`.misspelt`), Karabakh towns as persons («Шуша - один из …»:
:mod:`.places`), datelines as organisations («ТБИЛИСИ, 24 апр») and page chrome as entities
(«Фото-Видео»: :mod:`.chrome`) and, without a good parse, puts every word of an organisation in
the nominative («Министерство оборона»: :mod:`.org_names`), and takes a name's Latin gloss in
parentheses for part of the name («Лианг Гуангли (Liang Guanglie)»: :mod:`.glosses`), and reads some
people as organisations («с Левоном Айвазяном»: :mod:`.person_names`).  Each rule
is a small pure function over the span text so that callers (``mentions``, ``people``) can apply
them in their own order.
"""

from .chrome import in_dateline, is_chrome_word
from .glosses import is_gloss, without_gloss
from .misspelt import misspelt_country
from .org_names import normalize_org
from .person_names import join_split_names, looks_like_person
from .places import is_place_name

__all__ = [
    "in_dateline",
    "is_chrome_word",
    "is_gloss",
    "is_place_name",
    "join_split_names",
    "looks_like_person",
    "misspelt_country",
    "normalize_org",
    "without_gloss",
]
