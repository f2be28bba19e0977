"""What a journalist's role is called, in the languages of the byline labels.

Two rules read a role. The byline parser drops a role glued on after a name ("Sophie
Foster Travel News Reporter") and a credit made of role words only ("AP Sports Writer").
The author-box cleaner removes a box whose line under the name is a role ("Senior
Reporter", "Redakteurin") or whose bio opens with one ("Transport reporter at the
Courier, covering ..."). Both read the one list here, so a role either of them learns
the other knows too. Each word is written in every form a byline prints it (masculine,
feminine), with no stemming: "autor" and "autorin", not a suffix pattern that also makes
"editorin".
"""

from __future__ import annotations

import re

# fmt: off
#: A journalist's role, one person: English, German, French, Spanish, Italian, Portuguese,
#: Dutch and the Scandinavian languages.
ROLE_NOUNS = frozenset((
    # English
    "reporter", "correspondent", "editor", "editor-at-large", "writer", "journalist",
    "photojournalist", "columnist", "contributor", "producer", "photographer", "critic",
    "freelancer", "analyst", "intern", "director",
    # German
    "redakteur", "redakteurin", "korrespondent", "korrespondentin", "autor", "autorin",
    "reporterin", "journalistin", "kolumnist", "kolumnistin", "volontär", "volontärin",
    "ressortleiter", "ressortleiterin", "freelancerin",
    # French
    "journaliste", "rédacteur", "rédactrice", "correspondant", "correspondante",
    "chroniqueur", "chroniqueuse", "éditorialiste", "envoyé", "envoyée",
    # Spanish
    "periodista", "redactor", "redactora", "corresponsal", "reportero", "reportera",
    "columnista", "editora", "autora",
    # Italian
    "giornalista", "redattore", "redattrice", "corrispondente", "inviato", "inviata",
    "caporedattore", "caporedattrice", "autore",
    # Portuguese
    "jornalista", "repórter", "redator", "redatora", "correspondente", "colunista",
    # Dutch and Scandinavian
    "verslaggever", "redacteur", "redaktør", "redaktör", "skribent",
))
#: The same roles, more than one person ("AP Staff Writers", "Redakteure"): a credit, but
#: no author box's role line ("Reporters at the pier said ..." is the article's).
ROLE_PLURALS = frozenset((
    "reporters", "correspondents", "editors", "writers", "journalists", "columnists",
    "contributors", "photographers", "redakteure",
))
# fmt: on

#: A word that ends in a role, compounds included ("Sportredakteurin", "co-editor"):
#: for regular expressions, read case-insensitively.
_LONGEST_FIRST = sorted(map(re.escape, ROLE_NOUNS), key=len, reverse=True)
ROLE_WORD = rf"[\w-]*(?:{'|'.join(_LONGEST_FIRST)})(?!\w)"
