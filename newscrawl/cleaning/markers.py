"""Multilingual phrase lists: what related-headline headers and boilerplate lines say.

Phrases only, no rules: `tail`, `boilerplate` and the HTML cleaners decide how much
evidence a match is. Each entry is a regular expression matched against a whole line
(case-insensitive, with trailing `:`, `>`, `»`, `›` and dots ignored; a straight
apostrophe also matches a typographic one). Tables: tail headers, chrome lines, closing
lines, sign-offs (never removed), month names for datelines, and the class/id words that
name chrome. Languages: en, de, fr, es, pt, it, pl, nl; tail headers also in sv, no, da, ru,
tr, id, sw, ja, ko. Add a language by adding entries; structure-based detection works
without any.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Promos speak to the reader: their verb opens the line or a sentence ("... today. Sign up
# for our newsletter"), where an article's sentence about a newsletter has a subject.
_SENTENCE_START = r"(?:.{0,300}[.!?:)]\s+)?"
_SOCIAL = r"twitter|x|facebook|instagram|linkedin|threads|bluesky|tiktok|youtube"
# A site's notice to commenters opens with a label ("Note:", "Atenção:").
_NOTICE = r"(note|notice|attention|atenção|atención|aviso|nota|hinweis|achtung|remarque)\s*:"

#: Headers that introduce a block of related headlines ("Read more", "Mehr zum Thema").
TAIL_HEADERS: dict[str, tuple[str, ...]] = {
    "en": (
        r"related( (articles?|stories|story|content|news|coverage|links?|posts?|topics?"
        r"|reading|video))?",
        r"(read|see|watch) (more|also|next)( (stories|articles|news|on this( story| topic)?))?",
        r"also (read|see|on \S+)",
        r"more (from|on|in|about) .{1,60}",
        r"more",  # a bare "More" / "More:" label over a list of links
        r"more (\w+ ){0,3}(stories|news|articles|headlines|coverage|videos?)|more like this",
        r"(trending|popular)( now| stories| articles| news| today| on .{1,40})?",
        r"most (popular|read|viewed|shared|watched|emailed|commented|recent)"
        r"( (stories|articles|news|today|this week))?",
        r"top (stories|news|headlines|articles)",
        r"latest( (news|stories|headlines|articles|videos?|updates))?",
        r"our (latest|top|best|most (popular|read)|recent) "
        r"(news|stories|headlines|articles|posts|videos)",
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
        r"(das|dies) (könnte|dürfte) (sie|dich) auch interessieren",
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
    # Languages without the other tables yet: the most common headers only.
    "sv": (r"läs (också|även|mer)", r"mest lästa?", r"relaterat|relaterade artiklar"),
    "no": (r"les (også|mer)", r"mest lest", r"relaterte saker|flere saker"),
    "da": (r"læs (også|mere)", r"mest læste", r"relaterede artikler"),
    "ru": (
        r"читайте (также|ещё|еще)|по теме|новости по теме",
        r"(похожие|другие|последние) (новости|статьи|материалы)",
        r"самое (читаемое|популярное)|популярное",
    ),
    "tr": (r"(ilgili|benzer) haberler", r"çok okunan(lar)?", r"bunlar da ilginizi çekebilir"),
    "id": (r"baca (juga|pula)", r"berita (terkait|lainnya)", r"terpopuler"),
    "sw": (r"habari (zaidi|zinazohusiana)", r"soma (pia|zaidi)"),
    "ja": (
        r"関連記事",
        r"関連ニュース",
        r"あわせて読みたい",
        r"おすすめ(記事|ニュース)?",
        r"人気記事",
    ),
    "ko": (r"관련 ?기사", r"관련 ?뉴스", r"많이 본 (뉴스|기사)", r"(인기|추천) ?기사"),
}

#: Whole lines that are site chrome, whatever their position: share prompts, ad labels,
#: newsletter and cookie prompts, reprint and comment calls.
CHROME_LINES: dict[str, tuple[str, ...]] = {
    "en": (
        r"(share|tweet|email|print|save|copy link|pin|comment)( (this|the) (article|story|page))?",
        r"share (this|the) (article|story|page|on \S+)|share on \S+( and \S+)?",
        r"(like|liked|enjoyed|enjoy) this (article|story|post)\?? share it( with .{1,40})?",
        r"(advertisement|advertising|sponsored|ad"
        r"|story continues (below|after) (this )?advertisement)",
        r"(scroll|continue) (down )?to (continue|read)( reading)?",
        r"(sign up|subscribe|register) (for|to) (our|the|a) .{0,60}newsletters?( here)?",
        r"(get|receive) (our|the) .{0,50}newsletters?.{0,60}",
        r"(we|this (site|website)) uses? cookies.{0,200}",
        r"accept( all)?( cookies)?|manage (preferences|cookies|cookie settings)"
        r"|cookie (settings|policy)",
        r"order (reprints|a reprint)|reprints?( & permissions| and permissions)?",
        r"(view|show|hide|load|add|post|read) (\d+ )?comments?|\d+ comments?|comments? \(\d+\)",
        r"follow (us|\S+) on (twitter|x|facebook|instagram|linkedin|threads|bluesky)(,? .{0,40})?",
        r"click here to .{0,80}|tap here to .{0,60}",
        r"(image|photo|photograph|picture|video|credit|source) ?: .{0,80}",
        r"(getty images|reuters|afp|ap photo|shutterstock|alamy)( via getty images)?",
        r"print( this)? article|comments?|tell us what you think|leave a (comment|reply)",
        r"(estimated )?reading time:? .{1,20}|\d+[ -]min(ute)?s? read",
        r"an error (has )?occurred[,.;]? please try again( later)?",
        # licensing notices: "For personal, non-commercial use only", "Not for redistribution"
        r".{0,120}\b(for (your )?personal,? non-?commercial use only|not for (re)?distribution)"
        r"\b.{0,300}",
        # WordPress shortcodes a theme failed to render: "[button ...] Text [/button]"
        r"\[(\w+)[^\]]{0,200}\].{0,200}\[/\w+\]",
    ),
    "de": (
        r"lesezeit:? .{1,20}|\d+ min(uten)? lesezeit",
        r"(artikel )?teilen|(jetzt )?(auf \S+ )?teilen|anzeige|werbung|kommentare?( \(\d+\))?",
        r"(jetzt )?(zum )?newsletter (anmelden|abonnieren).{0,80}",
        r"(diese (website|seite)|wir) (verwendet|verwenden|nutzt|nutzen) cookies.{0,200}",
        r"(foto|bild|quelle) ?: .{0,80}",
    ),
    "fr": (
        r"temps de lecture:? .{1,20}|lecture\s*:?\s*\d+ min(utes)?",
        r"partager( (cet article|sur \S+))?|publicité|commentaires?( \(\d+\))?",
        r"(inscrivez-vous|abonnez-vous) à (notre|la) newsletter.{0,80}",
        r"(ce site|nous) utilis(e|ons) des cookies.{0,200}",
        r"(photo|crédit|source) ?: .{0,80}",
    ),
    "es": (
        r"tiempo (estimado )?de lectura:? .{1,20}",
        r"compartir( (este artículo|en \S+))?|publicidad|comentarios?( \(\d+\))?",
        r"(suscríbete|regístrate) (a|en) (nuestro|el) (boletín|newsletter).{0,80}",
        r"(este sitio|utilizamos|usamos) (web )?(utiliza )?cookies.{0,200}",
        r"(foto|fotografía|crédito|fuente) ?: .{0,80}",
    ),
    "pt": (
        r"tempo (estimado )?de leitura:? .{1,20}",
        r"compartilh(ar|e)( (este artigo|no \S+))?|partilhar|publicidade|comentários?( \(\d+\))?",
        r"(assine|inscreva-se (em|n)a?) (nossa )?newsletter.{0,80}",
        r"(foto|crédito|fonte) ?: .{0,80}",
    ),
    "it": (
        r"tempo di lettura:? .{1,20}|lettura:? \d+ min(uti)?",
        r"condividi( (questo articolo|su \S+))?|pubblicità|commenti( \(\d+\))?",
        r"(iscriviti|abbonati) alla (nostra )?newsletter.{0,80}",
        r"(foto|credito|fonte) ?: .{0,80}",
    ),
    "pl": (
        r"czas (czytania|lektury):? .{1,20}",
        r"udostępnij( (artykuł|na \S+))?|reklama|komentarze( \(\d+\))?",
        r"(zapisz się|zamów) (do|na) newsletter.{0,80}",
        r"(fot|foto|źródło)\.? ?: .{0,80}",
    ),
    "nl": (
        r"leestijd:? .{1,20}",
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
        r"(subscribe|sign up|register|log in|sign in)( now| today)?"
        r"( to (continue|read|get|unlock|access)).{0,140}",
        r"(already a subscriber|not a subscriber|become a (member|subscriber)).{0,120}",
        r"(tags?|topics?|filed under|categories) ?:.{0,200}",
        r"(about the author|more about the author|author bio)",
        r"(we'd love to hear from you|have a (news )?tip|got a story).{0,160}",
        r"(support|subscribe to) (our|independent) journalism.{0,160}",
        r"e-?mail .{2,60} at \S+@\S+.{0,200}",
        rf"{_SENTENCE_START}follow (him|her|them|us|me|.{{1,60}}) (on ({_SOCIAL})|@\w+).{{0,200}}",
        rf"{_SENTENCE_START}(sign up|subscribe|register)\b.{{0,80}}\bnewsletters?\b.{{0,150}}",
        rf"{_SENTENCE_START}we'?d (like|love) to hear (from you|what you think).{{0,200}}",
        r"if you (enjoyed|liked|value) (this|our) (article|story|journalism|reporting).{0,300}",
        rf"{_SENTENCE_START}(get|have) .{{1,80}} delivered (straight |directly |right )?"
        r"(to|through|into) your (door|doorstep|letterbox|mailbox|inbox)\b.{0,200}",
        r"subscribe to (our|the) .{0,60}\b(youtube|podcast|channel)\b.{0,120}",
        # affiliate disclosures and promo codes: commerce, not reporting
        rf"{_SENTENCE_START}if you (buy|purchase|click|make a purchase)\b.{{0,120}}"
        r"\b(may|might|could|will) (get|earn|receive|collect)\b.{0,200}",
        r".{0,300}\buse (the )?(promo |coupon |discount )?code\b.{0,300}",
        r"how to (listen|subscribe|watch)( to .{1,60})?",
        r"(listen|download|subscribe|itunes|spotify|apple podcasts|google podcasts)"
        r"( on \S+)?\s*:\s*https?://\S+",
        rf"{_NOTICE}.{{0,200}}\bmoderat.{{0,200}}",
        r"(.{0,120}\bwe( are|'re)? (temporarily )?moderat\w* (all )?comments"
        r"|comments are moderated)\b.{0,200}",
    ),
    "de": (
        r"(©|\(c\)|copyright)\s*.{0,120}|.{0,80}alle rechte vorbehalten\.?.{0,80}",
        r"(schlagworte|themen|tags) ?:.{0,200}",
        r"(jetzt )?(abonnieren|abonnent werden|weiterlesen mit).{0,140}",
        rf"{_SENTENCE_START}folgen sie (uns|ihm|ihr|\S+) (auf|bei) ({_SOCIAL}).{{0,200}}",
        rf"{_SENTENCE_START}((jetzt |hier )?(den |unseren )?newsletter (abonnieren|bestellen)|"
        r"(abonnieren|bestellen) sie .{0,40}newsletter|melden sie sich .{0,40}newsletter).{0,150}",
        rf"{_NOTICE}.{{0,200}}\bmoderi.{{0,200}}",
    ),
    "fr": (
        r"(©|\(c\)|copyright)\s*.{0,120}|.{0,80}tous droits réservés\.?.{0,80}",
        r"(mots-clés|thèmes|tags) ?:.{0,200}",
        r"(abonnez-vous|déjà abonné).{0,140}",
        rf"{_SENTENCE_START}suivez-(nous|le|la) sur ({_SOCIAL}).{{0,200}}",
        rf"{_SENTENCE_START}(inscrivez-vous|abonnez-vous)\b.{{0,80}}\bnewsletters?\b.{{0,150}}",
        rf"{_NOTICE}.{{0,200}}\bmodér.{{0,200}}",
    ),
    "es": (
        r"(©|\(c\)|copyright)\s*.{0,120}|.{0,80}todos los derechos reservados\.?.{0,80}",
        r"(etiquetas|temas|tags) ?:.{0,200}",
        r"(suscríbete|ya eres suscriptor).{0,140}",
        rf"{_SENTENCE_START}síguen(os|le|la) en ({_SOCIAL}).{{0,200}}",
        # "Puedes seguir a EL PAÍS Clima en Facebook y X, o apuntarte aquí para ..."
        rf"{_SENTENCE_START}puedes? seguir a .{{1,80}} en ({_SOCIAL})\b.{{0,250}}",
        rf"{_SENTENCE_START}(suscríbete|regístrate)\b"
        r".{0,80}\b(boletín|newsletter)\b.{0,150}",
        rf"{_NOTICE}.{{0,200}}\bmodera.{{0,200}}",
    ),
    "pt": (
        r"(©|\(c\)|copyright)\s*.{0,120}|.{0,80}todos os direitos reservados\.?.{0,80}",
        r"(tags|tópicos|temas) ?:.{0,200}",
        rf"{_SENTENCE_START}siga-(nos|o|a) n[oa] ({_SOCIAL}).{{0,200}}",
        rf"{_SENTENCE_START}(assine|inscreva-se|cadastre-se)\b"
        r".{0,80}\b(newsletter|boletim)\b.{0,150}",
        rf"{_NOTICE}.{{0,200}}\bmodera.{{0,200}}",
    ),
    "it": (
        r"(©|\(c\)|copyright)\s*.{0,120}"
        r"|.{0,80}(tutti i diritti riservati|riproduzione riservata)\.?.{0,80}",
        r"(tag|argomenti) ?:.{0,200}",
        rf"{_SENTENCE_START}seguici su ({_SOCIAL}).{{0,200}}",
        rf"{_SENTENCE_START}(iscriviti|abbonati)\b.{{0,80}}\bnewsletter\b.{{0,150}}",
        rf"{_NOTICE}.{{0,200}}\bmodera.{{0,200}}",
    ),
    "pl": (
        r"(©|\(c\)|copyright)\s*.{0,120}|.{0,80}wszelkie prawa zastrzeżone\.?.{0,80}",
        r"(tagi|tematy) ?:.{0,200}",
        rf"{_SENTENCE_START}(zapisz się|zamów)\b.{{0,80}}\bnewsletter\w*.{{0,150}}",
    ),
    "nl": (
        r"(©|\(c\)|copyright)\s*.{0,120}|.{0,80}alle rechten voorbehouden\.?.{0,80}",
        r"(tags|onderwerpen) ?:.{0,200}",
        rf"{_SENTENCE_START}(schrijf je in|meld je aan|abonneer je)\b"
        r".{0,80}\bnieuwsbrief\b.{0,150}",
    ),
}

#: Words of `class` / `id` values that name site chrome on sites of every language. Measured:
#: on the benchmark pages none of these ever wraps article text (class names are split
#: into words: `Newsletter-container`, `ArticleEventPromo`, `share_bar`).
CHROME_CLASS_WORDS = frozenset(
    {
        *("newsletter", "newsletters", "share", "sharing", "sharebar", "subscribe"),
        *("subscription", "signup", "breadcrumb", "breadcrumbs", "outbrain", "taboola"),
        *("trending", "copyright", "cta", "promo", "recirc", "recirculation", "sponsored"),
        *("related", "cookie", "cookies", "consent", "gdpr"),
        *("ads", "advert", "bio", "biography", "comment", "comments", "login", "popup"),
        *("modal", "banner", "toolbar", "tooltip", "membership"),
    }
)

#: Month names and abbreviations, for telling a dateline ("22 de janeiro de 2018") from text.
MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december", "jan", "feb", "mar", "apr"),
        *("jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
    ),
    "de": ("januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember"),
    "fr": (
        *("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août"),
        *("septembre", "octobre", "novembre", "décembre"),
    ),
    "es": (
        *("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto"),
        *("septiembre", "setiembre", "octubre", "noviembre", "diciembre"),
    ),
    "pt": (
        *("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto"),
        *("setembro", "outubro", "novembro", "dezembro"),
    ),
    "it": (
        *("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto"),
        *("settembre", "ottobre", "novembre", "dicembre"),
    ),
    "nl": ("januari", "februari", "maart", "mei", "augustus", "oktober"),
    "pl": (
        *("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia"),
        *("września", "października", "listopada", "grudnia", "styczeń", "luty", "marzec"),
        *("kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień", "październik"),
        *("listopad", "grudzień"),
    ),
}

#: Lines that belong to the article although they look like page furniture: wire sign-offs,
#: contributor credits, editor's notes and corrections. Never removed, and they end the
#: trailing block the cleaners look at.
SIGN_OFF_LINES: dict[str, tuple[str, ...]] = {
    "en": (
        r"[(\[]?((additional |writing and )?reporting|writing|editing|compiled|research|"
        r"translated|produced|graphics|photos?) by .{2,200}",
        r".{2,300}\bcontributed (reporting )?to (this|the) (report|story|article)\b.{0,120}",
        r"(editor'?s|editors'?|author'?s) note\b.{0,400}",
        # a note, written as a sentence ("Updated: Nov. 19, 2019" alone is a timestamp)
        r"(correction|clarification|update|updated)( \(.{1,40}\))?\s*:.{0,400}[.!?)\]]",
        r"this (story|article|report) (has been|was) (updated|corrected).{0,300}",
    ),
    "de": (r"(mitarbeit|redaktion|bearbeitung|mit material von)\s*:?.{2,200}",),
    "fr": (r"(avec|par) (afp|reuters|ap)\b.{0,120}|note de la rédaction\b.{0,400}",),
    "es": (r"(con información de|redacción|edición)\s*:?.{2,200}|nota del editor\b.{0,400}",),
    "pt": (r"(com informações d[aeo]s?|reportagem de|edição de)\s.{2,200}",),
    "it": (r"(con la collaborazione di|ha collaborato)\s.{2,200}|nota della redazione\b.{0,400}",),
}

_LEADING = r"^[\s•·*>»›\-–—【■▼▶]*"
_TRAILING = r"[\s:：>»›.…|\-–—】]*"


def compile_lines(
    table: dict[str, tuple[str, ...]], extra: tuple[str, ...] = ()
) -> re.Pattern[str]:
    """One regex matching a whole line against every phrase of every language in `table`.

    A straight apostrophe in a phrase also matches the typographic one (’).
    """
    phrases = [_any_apostrophe(p) for group in table.values() for p in group]
    phrases += [re.escape(e) for e in extra]
    return re.compile(rf"{_LEADING}(?:{'|'.join(phrases)}){_TRAILING}$", re.IGNORECASE)


def _any_apostrophe(phrase: str) -> str:
    return phrase.replace("'", "['’]")


TAIL_HEADER_RE = compile_lines(TAIL_HEADERS)
CHROME_LINE_RE = compile_lines(CHROME_LINES)
CLOSING_LINE_RE = compile_lines(CLOSING_LINES)
SIGN_OFF_LINE_RE = compile_lines(SIGN_OFF_LINES)
_MONTH = "|".join(sorted({m for group in MONTHS.values() for m in group}, key=len, reverse=True))
#: A calendar date or a clock time anywhere in a line: "14/03/2024", "2024-03-14",
#: "Mar. 14, 2024", "14 de março de 2024", "20:13".
DATE_RE = re.compile(
    r"\b(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}:\d{2})\b"
    rf"|\b\d{{1,2}}\.?\s+(de\s+)?({_MONTH})\.?,?\s+(de\s+)?\d{{4}}\b"
    rf"|\b({_MONTH})\.?\s+\d{{1,2}}(st|nd|rd|th)?,?\s+\d{{4}}\b",
    re.IGNORECASE,
)

#: A header phrase, a colon and a headline on one line: "Read more: Headline here".
_ANY_TAIL_HEADER = "|".join(_any_apostrophe(p) for g in TAIL_HEADERS.values() for p in g)
TEASER_LINE_RE = re.compile(
    rf"{_LEADING}(?P<header>{_ANY_TAIL_HEADER})"
    r"\s*[:|»›]\s*"
    r"(?P<headline>\S.{2,200})$",
    re.IGNORECASE,
)


#: The phrase tables by name, for naming the phrase that matched (`matching_phrases`).
TABLES: dict[str, dict[str, tuple[str, ...]]] = {
    "tail_header": TAIL_HEADERS,
    "chrome_line": CHROME_LINES,
    "closing_line": CLOSING_LINES,
    "sign_off": SIGN_OFF_LINES,
}


def matching_phrases(table: str, line: str) -> list[str]:
    """Ids ("closing_line/en/3") of the phrases of `table` that match the whole line.

    Slow (one regex per phrase): for the rule-usage report, not for cleaning.
    """
    return [
        f"{table}/{language}/{index}"
        for language, index, pattern in _phrase_patterns(table)
        if pattern.match(line.strip())
    ]


@lru_cache(maxsize=8)
def _phrase_patterns(table: str) -> list[tuple[str, int, re.Pattern[str]]]:
    return [
        (language, index, compile_lines({language: (phrase,)}))
        for language, phrases in TABLES[table].items()
        for index, phrase in enumerate(phrases)
    ]
