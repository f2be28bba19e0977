"""Multilingual phrase lists: what related-headline headers and boilerplate lines say.

Phrases only, no rules: `tail` and `boilerplate` decide how much evidence a match is.
Each entry is a regular expression matched against a whole line (case-insensitive, after
whitespace normalization, with trailing `:`, `>`, `»`, `›` and dots ignored). Languages:
en, de, fr, es, pt, it, pl, nl. Add a language by adding entries; structure-based detection
works without any.
"""

from __future__ import annotations

import re

#: Headers that introduce a block of related headlines ("Read more", "Mehr zum Thema").
TAIL_HEADERS: dict[str, tuple[str, ...]] = {
    "en": (
        r"related( (articles?|stories|story|content|news|coverage|links?|posts?|topics?|reading|video))?",
        r"(read|see|watch) (more|also|next)( (stories|articles|news|on this( story| topic)?))?",
        r"also (read|see|on \S+)",
        r"more (from|on|in|about) .{1,60}",
        r"more (stories|news|articles|headlines|coverage|videos?|like this|top stories)",
        r"(trending|popular)( now| stories| articles| news| today| on \S+)?",
        r"most (popular|read|viewed|shared|watched|emailed|commented|recent)( (stories|articles|news|today|this week))?",
        r"top (stories|news|headlines|articles)",
        r"latest( (news|stories|headlines|articles|videos?|updates))?",
        r"recommended( (for you|stories|articles|reading|videos?))?",
        r"you (may|might) (also )?(like|enjoy|be interested in)",
        r"(don'?t|do not) miss( this| these)?",
        r"further reading|what to read next|up next|keep reading|continue reading",
        r"(editors?'?s?|staff) (picks?|choice)",
        r"in (other|case you missed it|related) news|in case you missed it",
        r"(from )?around the web|sponsored (stories|content|links)|promoted (stories|content)",
        r"next (article|story)|previous (article|story)",
        r"(more )?headlines",
    ),
    "de": (
        r"mehr (zum thema|zu(m|r)? .{1,40}|aus .{1,40}|artikel|nachrichten|news|lesen)",
        r"(das|dies) (könnte|dürfte) sie auch interessieren",
        r"auch interessant|ebenfalls interessant|auch lesenswert|empfehlungen?",
        r"lesen sie (auch|mehr|weiter|hier)",
        r"(weitere|verwandte|ähnliche|passende) (artikel|themen|nachrichten|beiträge|meldungen)",
        r"meist(gelesen|gelesene artikel|geklickt|geteilt)|am meisten gelesen|top-?artikel",
        r"(aktuelle|neueste) (nachrichten|artikel|meldungen)|weiterlesen|zum thema",
    ),
    "fr": (
        r"(à )?lire (aussi|également|la suite)",
        r"(à )?voir aussi|voir également",
        r"sur le même (sujet|thème)|dans la même rubrique",
        r"(les |articles )?(les )?plus (lus|partagés|commentés|populaires)",
        r"articles? (similaires|liés|recommandés)|à découvrir|ne manquez pas",
        r"nos (recommandations|suggestions)|vous aimerez (aussi|également)",
        r"(plus|autres) d'?articles|dernières (actualités|nouvelles|infos)|à la une|tendances?",
    ),
    "es": (
        r"(vea|véase|lea|lee|mira|ver) (también|además|más)",
        r"(también )?(te|le) (puede|podría) interesar",
        r"(noticias|artículos|temas|contenidos) relacionad[oa]s|relacionad[oa]s?",
        r"lo más (leído|visto|compartido|popular)|(las )?más (leídas|vistas)",
        r"más (noticias|información|de .{1,40})|otras noticias|últimas noticias",
        r"tendencias|te recomendamos|recomendad[oa]s|sigue leyendo|no te pierdas",
    ),
    "pt": (
        r"(leia|veja|confira) (também|mais)|saiba mais",
        r"(notícias|matérias|artigos|tópicos) relacionad[oa]s|relacionad[oa]s",
        r"(as )?mais (lidas|lidos|vistas|vistos)|mais (notícias|sobre .{1,40})",
        r"(você|voce) (pode|também pode) gostar|recomendad[oa]s|últimas notícias",
    ),
    "it": (
        r"leggi (anche|di più)|(ti )?potrebbe(ro)? interessar(ti|e)",
        r"(articoli|notizie) correlat[ie]|correlat[ie]",
        r"(i |le )?più (letti|lette|visti|viste|condivisi)",
        r"altre notizie|ultime notizie|consigliati|da non perdere|in evidenza",
    ),
    "pl": (
        r"(czytaj|zobacz|przeczytaj) (też|także|również|więcej)",
        r"polecamy|najczęściej (czytane|komentowane)|najpopularniejsze|najnowsze",
        r"(powiązane|podobne|inne) (artykuły|teksty|wiadomości)",
        r"może (cię|ci się) (zainteresować|spodobać)",
    ),
    "nl": (
        r"lees (ook|meer|verder)|bekijk ook|meer (over .{1,40}|nieuws)",
        r"gerelateerde? (artikelen|berichten|nieuws)?|meest (gelezen|bekeken|gedeeld)",
        r"populair|aanbevolen|ook interessant|laatste nieuws|net binnen",
        r"dit vind je (misschien )?ook interessant",
    ),
}

#: Whole lines that are site chrome, whatever their position: share prompts, ad labels,
#: newsletter and cookie prompts, reprint and comment calls.
CHROME_LINES: dict[str, tuple[str, ...]] = {
    "en": (
        r"(share|tweet|email|print|save|copy link|pin|comment)( (this|the) (article|story|page))?",
        r"share (this|the) (article|story|page|on \S+)|share on \S+( and \S+)?",
        r"(advertisement|advertising|sponsored|ad|story continues (below|after) (this )?advertisement)",
        r"(scroll|continue) (down )?to (continue|read)( reading)?",
        r"(sign up|subscribe|register) (for|to) (our|the|a) .{0,60}newsletters?( here)?",
        r"(get|receive) (our|the) .{0,50}newsletters?.{0,60}",
        r"(we|this (site|website)) uses? cookies.{0,200}",
        r"accept( all)?( cookies)?|manage (preferences|cookies|cookie settings)|cookie (settings|policy)",
        r"order (reprints|a reprint)|reprints?( & permissions| and permissions)?",
        r"(view|show|hide|load|add|post|read) (\d+ )?comments?|\d+ comments?|comments? \(\d+\)",
        r"follow (us|\S+) on (twitter|x|facebook|instagram|linkedin|threads|bluesky)(,? .{0,40})?",
        r"click here to .{0,80}|tap here to .{0,60}",
        r"(image|photo|photograph|picture|video|credit|source) ?: .{0,80}",
        r"(getty images|reuters|afp|ap photo|shutterstock|alamy)( via getty images)?",
    ),
    "de": (
        r"(artikel )?teilen|(jetzt )?(auf \S+ )?teilen|anzeige|werbung|kommentare?( \(\d+\))?",
        r"(jetzt )?(zum )?newsletter (anmelden|abonnieren).{0,80}",
        r"(diese (website|seite)|wir) (verwendet|verwenden|nutzt|nutzen) cookies.{0,200}",
        r"(foto|bild|quelle) ?: .{0,80}",
    ),
    "fr": (
        r"partager( (cet article|sur \S+))?|publicité|commentaires?( \(\d+\))?",
        r"(inscrivez-vous|abonnez-vous) à (notre|la) newsletter.{0,80}",
        r"(ce site|nous) utilis(e|ons) des cookies.{0,200}",
        r"(photo|crédit|source) ?: .{0,80}",
    ),
    "es": (
        r"compartir( (este artículo|en \S+))?|publicidad|comentarios?( \(\d+\))?",
        r"(suscríbete|regístrate) (a|en) (nuestro|el) (boletín|newsletter).{0,80}",
        r"(este sitio|utilizamos|usamos) (web )?(utiliza )?cookies.{0,200}",
        r"(foto|fotografía|crédito|fuente) ?: .{0,80}",
    ),
    "pt": (
        r"compartilh(ar|e)( (este artigo|no \S+))?|partilhar|publicidade|comentários?( \(\d+\))?",
        r"(assine|inscreva-se (em|n)a?) (nossa )?newsletter.{0,80}",
        r"(foto|crédito|fonte) ?: .{0,80}",
    ),
    "it": (
        r"condividi( (questo articolo|su \S+))?|pubblicità|commenti( \(\d+\))?",
        r"(iscriviti|abbonati) alla (nostra )?newsletter.{0,80}",
        r"(foto|credito|fonte) ?: .{0,80}",
    ),
    "pl": (
        r"udostępnij( (artykuł|na \S+))?|reklama|komentarze( \(\d+\))?",
        r"(zapisz się|zamów) (do|na) newsletter.{0,80}",
        r"(fot|foto|źródło)\.? ?: .{0,80}",
    ),
    "nl": (
        r"del(en|en via \S+)|advertentie|reacties?( \(\d+\))?",
        r"(schrijf je in|meld je aan) voor (onze|de) nieuwsbrief.{0,80}",
        r"(foto|beeld|bron) ?: .{0,80}",
    ),
}

#: Lines that close a page rather than an article: copyright, "Write to", newsletter
#: and subscription promos, bylines-as-footer. Removed only at the end of the text.
CLOSING_LINES: dict[str, tuple[str, ...]] = {
    "en": (
        r"(©|\(c\)|copyright)\s*.{0,120}",
        r".{0,80}all rights reserved\.?.{0,80}",
        r"write to .{2,80} at \S+@\S+",
        r"(contact|email) (the )?(author|reporter|writer|us)( at)? .{0,80}",
        r"(this (article|story) (was|has been) (produced|published|written)).{0,160}",
        r"(subscribe|sign up|register|log in|sign in)( now| today)?( to (continue|read|get|unlock|access)).{0,140}",
        r"(already a subscriber|not a subscriber|become a (member|subscriber)).{0,120}",
        r"(tags?|topics?|filed under|categories) ?:.{0,200}",
        r"(about the author|more about the author|author bio)",
        r"(we'd love to hear from you|have a (news )?tip|got a story).{0,160}",
        r"(support|subscribe to) (our|independent) journalism.{0,160}",
    ),
    "de": (
        r"(©|\(c\)|copyright)\s*.{0,120}|.{0,80}alle rechte vorbehalten\.?.{0,80}",
        r"(schlagworte|themen|tags) ?:.{0,200}",
        r"(jetzt )?(abonnieren|abonnent werden|weiterlesen mit).{0,140}",
    ),
    "fr": (
        r"(©|\(c\)|copyright)\s*.{0,120}|.{0,80}tous droits réservés\.?.{0,80}",
        r"(mots-clés|thèmes|tags) ?:.{0,200}",
        r"(abonnez-vous|déjà abonné).{0,140}",
    ),
    "es": (
        r"(©|\(c\)|copyright)\s*.{0,120}|.{0,80}todos los derechos reservados\.?.{0,80}",
        r"(etiquetas|temas|tags) ?:.{0,200}",
        r"(suscríbete|ya eres suscriptor).{0,140}",
    ),
    "pt": (
        r"(©|\(c\)|copyright)\s*.{0,120}|.{0,80}todos os direitos reservados\.?.{0,80}",
        r"(tags|tópicos|temas) ?:.{0,200}",
    ),
    "it": (
        r"(©|\(c\)|copyright)\s*.{0,120}|.{0,80}(tutti i diritti riservati|riproduzione riservata)\.?.{0,80}",
        r"(tag|argomenti) ?:.{0,200}",
    ),
    "pl": (
        r"(©|\(c\)|copyright)\s*.{0,120}|.{0,80}wszelkie prawa zastrzeżone\.?.{0,80}",
        r"(tagi|tematy) ?:.{0,200}",
    ),
    "nl": (
        r"(©|\(c\)|copyright)\s*.{0,120}|.{0,80}alle rechten voorbehouden\.?.{0,80}",
        r"(tags|onderwerpen) ?:.{0,200}",
    ),
}

_TRAILING = r"[\s:>»›.…|\-–—]*"


def compile_lines(table: dict[str, tuple[str, ...]], extra: tuple[str, ...] = ()) -> re.Pattern[str]:
    """One regex matching a whole line against every phrase of every language in `table`."""
    phrases = [p for group in table.values() for p in group] + [re.escape(e) for e in extra]
    return re.compile(rf"^[\s•·*>»›\-–—]*(?:{'|'.join(phrases)}){_TRAILING}$", re.IGNORECASE)


TAIL_HEADER_RE = compile_lines(TAIL_HEADERS)
CHROME_LINE_RE = compile_lines(CHROME_LINES)
CLOSING_LINE_RE = compile_lines(CLOSING_LINES)
