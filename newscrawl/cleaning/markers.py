"""Multilingual phrase lists: what related-headline headers and boilerplate lines say.

Phrases only, no rules: `tail`, `boilerplate` and the HTML cleaners decide how much
evidence a match is. Each entry is a regular expression matched against a whole line
(case-insensitive, with trailing `:`, `>`, `»`, `›` and dots ignored; a straight
apostrophe also matches a typographic one). Tables: tail headers, chrome lines and
closing lines (each by what the line says, each entry in every language it knows),
paywall notices, comment-thread headers and stamps, the credits that end photo captions,
editor's notes (never removed), month names for datelines, and the class/id words that name
chrome. Structure-based detection works without any of them.

Every entry has to earn its place: `benchmarks/rule_usage.py` counts the distinct sites of
the development sets it acted on, and an entry that acts on fewer than three goes (or moves
to the one site's module). Words in other languages for a kind of line that has that
evidence are vocabulary of the same rule.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newscrawl.cleaning.linematch import PHRASES, LineMatcher

# Promos speak to the reader: their verb opens the line, a sentence ("... today. Sign up
# for our newsletter") or the clause after a "For ..." or "To ..." phrase ("For the latest
# news, sign up for our newsletters"), where an article's sentence about a newsletter has a
# subject.
_SENTENCE_START = r"(?:.{0,300}[.!?:)]\s+|(?:for|to) [^.!?]{1,200},\s+)?"
_EMAIL = r"[\w.+-]+@[\w-]+(\.[\w-]+)+"
# A line with an "@" somewhere: checked first, as the contact phrases scan for an address.
_HAS_AT = r"(?=[^@]*@)"
_SOCIAL = (
    r"twitter|x|facebook|instagram|linkedin|threads|bluesky|tiktok|youtube|google news"
    r"|telegram|whatsapp"
)

#: Headers that introduce a block of related headlines ("Read more", "Mehr zum Thema"), by
#: what they say, each entry in every language it knows (en, de, fr, es, pt, it, pl, nl,
#: sv, no, da, fi, cs, sk, hu, ro, el, bg, hr, lt, ru, uk, tr, ar, he, fa, hi, bn, ur, id,
#: ms, tl, vi, th, sw, zu, xh, zh, ja, ko).
TAIL_HEADERS: dict[str, tuple[str, ...]] = {
    # "Read more", "Also read", "Up next": the reader is sent on to other stories
    "read_also": (
        r"(read|see|watch) (more|also|next)( (stories|articles|news|on this( story| topic)?))?",
        r"also (read|see|on \S+|on (?-i:[A-Z]).{1,40})",
        r"further reading|explore further|what to read next|read (these|this) next|up next"
        r"|keep reading"
        r"|continue reading",
        r"next (article|story|post)|previous (article|story|post)|次の記事|前の記事",
        # a post's navigation to its neighbours, as WordPress and its themes word it
        r"(vorheriger|nächster) (beitrag|artikel)|(entrada|artículo) (anterior|siguiente)"
        r"|articolo (precedente|successivo)|article (précédent|suivant)|(post|artigo) anterior"
        r"|próximo (post|artigo)|(vorig|volgend) (bericht|artikel)|precedente|successivo"
        r"|siguiente (entrada|artículo)|publication (précédente|suivante)"
        r"|post (precedente|successivo)|(föregående|nästa) (inlägg|artikel)",
        r"auch lesen|leer también|vedi anche|leggi altro|per approfondire|смотрите также"
        r"|bun(ları|u) da okuyun|okumaya devam et|baca selengkapnya|もっと読む|קראו (גם|עוד)",
        r"lesen sie (auch|mehr|weiter|hier)|weiterlesen",
        r"(à )?lire (aussi|également|la suite)|(à )?voir aussi|voir également"
        r"|lisez (aussi|également)",
        r"(vea|véase|lea|lee|mira|ver) (también|además|más)|sigue leyendo",
        r"(leia|veja|confira) (também|mais)|saiba mais|leggi (anche|di più)",
        r"(czytaj|zobacz|przeczytaj) (też|także|również|więcej)|lees (ook|meer|verder)|bekijk ook",
        r"läs (också|även|mer)( detta| dessa)?|les (også|mer)( dette| denne| disse)?"
        r"|læs (også|mere)( dette| denne| disse)?|читайте (также|ещё|еще)",
        r"baca (juga|pula)|soma (pia|zaidi)|あわせて読みたい",
        r"funda (futhi|nalokhu|nalokho|kabanzi|olunye udaba( lapha)?|okunye)|funda ngakumbi",
        r"lue (myös|lisää)|čtěte (také|též)|prečítajte si (aj|tiež)|ezt is olvassa el"
        r"|citește (și|mai mult)|διαβάστε (επίσης|ακόμη)|читайте також",
        r"[اإ]قر[أا] [أا]يضاً?|[اإ]قر[أا] المزيد|यह भी पढ़ें|ये भी पढ़ें|और पढ़ें",
        r"xem thêm|đọc thêm|อ่านเพิ่มเติม|อ่านต่อ|延伸(阅读|閱讀)|(阅读|閱讀)更多|推(荐|薦)(阅读|閱讀)",
        r"合わせて読みたい|こちらもおすすめ|더 ?보기",
        r"lesetipps?|more to explore|explore more|дивіться також|weiterführende (links|artikel"
        r"|beiträge)",
        r"прочетете (още|също)|pročitajte (i|još|također)|taip pat skaitykite|basahin (din|rin)"
        r"|(بیشتر )?بخوانید|আরও পড়ুন|مزید پڑھیں",
    ),
    # "Related", "Mehr zum Thema", "Sur le même sujet": stories on the same subject
    "related": (
        r"related( (articles?|stories|story|content|news|coverage|links?|posts?|topics?"
        r"|reading|videos?))?",
        r"in (other|case you missed it|related) news|in case you missed it",
        r"(weitere|verwandte|ähnliche|passende) (artikel|themen|nachrichten|beiträge|meldungen)",
        r"(mehr )?zum thema|passend (dazu|zum thema)|similar (articles|stories|posts)"
        r"|entradas relacionadas|(posts|publicações|postagens) relacionad[oa]s",
        r"(материалы|ещё|еще) по теме|ilgili konular|関連リンク",
        r"sur le même (sujet|thème)|dans la même rubrique|articles? (similaires?|liés?)",
        r"(noticias?|artículos?|temas?|contenidos?) relacionad[oa]s?|relacionad[oa]s?",
        r"(notícias?|matérias?|artigos?|tópicos?) relacionad[oa]s?|(articoli|notizie) correlat[ie]"
        r"|(articolo|notizia) correlat[oa]",
        r"correlat[ie]|(powiązane|podobne|inne) (artykuły|teksty|wiadomości)",
        r"gerelateerde?( (artikelen|berichten|nieuws))?|relaterat|relaterade artiklar",
        r"relaterte saker|flere saker|relaterede artikler|по теме|новости по теме",
        r"(похожие|другие|последние) (новости|статьи|материалы)|(ilgili|benzer) haberler",
        r"(berita|artikel) (terkait|lainnya)|habari (zaidi|zinazohusiana)|関連記事|関連ニュース",
        r"관련 ?기사|관련 ?뉴스",
        r"aiheesta (lisää|muualla)|související (články|zprávy)|súvisiace články"
        r"|kapcsolódó (cikkek|hírek)|articole (similare|asemănătoare)|σχετικά (άρθρα|θέματα)"
        r"|новини за темою|схожі новини",
        r"(أخبار|مقالات|مواضيع) ذات صلة|संबंधित (खबरें|ख़बरें|समाचार|लेख)"
        r"|(tin|bài( viết)?) liên quan|ข่าวที่เกี่ยวข้อง|บทความที่เกี่ยวข้อง",
        r"(相关|相關)(新闻|新聞|阅读|閱讀|文章|报道|報導|链接|連結)|更多(新闻|新聞|文章)",
        r"contenido relacionado|actualités liées|dazu passend|aiheeseen liittyvät",
        r"știri similare|свързани (новини|статии)|povezan[ie] (članci|vijesti)|susiję straipsniai"
        r"|berita berkaitan|(اخبار|مطالب) مرتبط|সম্পর্কিত (খবর|সংবাদ)|متعلقہ خبریں|כתבות קשורות",
        r"notas relacionadas|assuntos relacionados|dello stesso autore|aus dem ressort",
        # related posts as WordPress themes and Jetpack title them in French and Swedish
        r"articles connexes|similaire|relaterade",
    ),
    # "More from Sport", a bare "More" label over a list of links, "Headlines"
    "more_from": (
        r"more (from|on|in|about) .{1,60}",
        r"more",
        r"more (\w+ ){0,3}(stories|news|articles|headlines|coverage|videos?)"
        r"( (from|on|in|about) .{1,40})?|more like this|elsewhere on .{1,40}",
        r"(more )?headlines",
        r"mehr (zu(m|r)? .{1,40}|aus .{1,40}|artikel|nachrichten|news|lesen)",
        r"(plus|autres) d'?articles|más (noticias|información|de .{1,40})|otras noticias",
        # a news theme's "More from author" tab (tagDiv's Newspaper), and "More articles"
        r"más del autor|plus de l'auteur|altro dall'autore|mais do autor"
        r"|más artículos|altri articoli|mais artigos|meer artikelen",
        r"mais (notícias|sobre .{1,40}|de .{1,40})|altre notizie|meer (over .{1,40}|nieuws)",
        r"other (stories|news|articles)|more (to read|for you)|autres articles"
        r"|andere artikelen|otras noticias de interés",
        r"mehr vo[nm] .{1,40}|mer (från|om) .{1,40}|mer fra .{1,40}|mere fra .{1,40}"
        r"|meer van .{1,40}|więcej (z|o) .{1,40}",
        r"fler (nyheter|artiklar)|flere (nyheter|artikler|nyheder)|mer om|diğer haberler"
        r"|habari nyingine|další zprávy",
        r"még több hír|περισσότερα|další články|tin khác|כתבות נוספות|עוד באתר|още от .{1,40}",
    ),
    # "Most read", "Trending", "Top stories", in every language
    "most_read": (
        r"(trending|popular)( now| stories| articles| news| today| videos?| on .{1,40})?",
        r"(hot|trending|popular|most (popular|read)|top stories) right now"
        r"|what (everyone|people|others|readers) (is|are) reading",
        r"most (popular|read|viewed|shared|watched|emailed|commented|recent)"
        r"( (stories|articles|news|today|this week))?( (in|on|from) .{1,40})?",
        r"top (stories|news|headlines|articles)( (from|on|in) .{1,40})?"
        r"|top-?(themen|nachrichten|meldungen)",
        r"meist(gelesen|gelesene artikel|geklickt|geteilt)|am meisten gelesen|top-?artikel",
        r"meist gelesen|meistgelesene (nachrichten|artikel)|im trend|derzeit beliebt",
        r"popular posts|what others are reading|(readers|people) (are )?also (read(ing)?|liked)"
        r"|hot topics|what'?s hot|hot stories|mest læst|suosituimmat",
        r"(les articles )?les plus lus|le plus lu|más leídos|(le )?notizie più lette"
        r"|(gli )?articoli più letti|tendenze|em alta|ook gelezen|mest delade|mest lest nå"
        r"|en çok okunanlar|berita populer|populer|zilizosomwa zaidi",
        r"人気ニュース|よく読まれている記事|話題の記事|ランキング|랭킹 ?뉴스|인기 ?뉴스"
        r"|실시간 인기|热点(新闻|推荐)",
        r"(les |articles )?(les )?plus (lus|partagés|commentés|populaires)|tendances?",
        r"lo más (leído|visto|compartido|popular)|(las )?más (leídas|vistas)|tendencias",
        r"(as )?mais (lidas|lidos|vistas|vistos)|(i |le )?più (letti|lette|visti|viste|condivisi)",
        r"najczęściej (czytane|komentowane)|najpopularniejsze|meest (gelezen|bekeken|gedeeld)",
        r"populair|mest lästa?|mest lest|mest læste|самое (читаемое|популярное)|популярное",
        r"beliebt(e|este)?( (artikel|nachrichten|themen|beiträge|videos))?|en ce moment",
        r"(noticias|artículos) más (leíd|vist)[oa]s",
        r"çok okunan(lar)?|terpopuler|人気記事|注目の?(記事|ニュース)|많이 본 (뉴스|기사)"
        r"|인기 ?기사|(주요|오늘의) ?뉴스|이 시각 (주요 ?)?뉴스",
        r"luetuimmat|nejčtenější|najčítanejšie|legolvasottabb|cele mai citite|δημοφιλή"
        r"|найпопулярніше|популярне",
        r"الأكثر (قراءة|مشاهدة)|सबसे ज्यादा पढ़ी गई|(đọc|xem) nhiều nhất|ยอดนิยม"
        r"|(热门|熱門)(新闻|新聞|文章|阅读|閱讀)?|(阅读|閱讀)排行|排行榜|アクセスランキング",
        r"най-четени|najčitanije|skaitomiausi|paling popular|پربازدیدترین|সর্বাধিক পঠিত"
        r"|הנקראים ביותר|mais lidas da semana",
    ),
    # "Latest", "Aktuelle Nachrichten", "Dernières actualités"
    "latest": (
        r"latest( (news|stories|headlines|articles|videos?|updates))?( (from|on|in) .{1,40})?",
        r"our (latest|top|best|most (popular|read)|recent) "
        r"(news|stories|headlines|articles|posts|videos)",
        r"(aktuelle|neueste) (nachrichten|artikel|meldungen)",
        r"dernières (actualités|nouvelles|infos)|à la une|últimas noticias|últimas notícias",
        r"recent posts|ultimi articoli|articoli recenti|ultime news|ultim'ora|letzte meldungen"
        r"|(les )?dernières actualités|en continu|le fil info|senaste nyheterna|siste nyheter"
        r"|seneste nyt|najnowsze wiadomości|лента новостей|son haberler|terbaru|habari mpya"
        r"|neu im ressort|nachrichten aus der region",
        r"today'?s top stories|die wichtigsten nachrichten|главные новости|habari kuu"
        r"|主要ニュース|schlagzeilen|noticias destacadas|(günün )?öne çıkanlar(ı)?|featured stories"
        r"|must reads?|icymi|top picks( for you)?|uitgelicht|next up",
        r"ultime notizie|najnowsze|laatste nieuws|net binnen|lo último|(nos )?derniers articles"
        r"|das neueste"
        r"|siste nytt|senaste nytt|son dakika|berita terkini|(最新|新着)(記事|ニュース)"
        r"|최신 ?(기사|뉴스)",
        r"uusimmat|nejnovější|najnovšie|legfrissebb|ultimele știri|τελευταία νέα|останні новини",
        r"آخر الأخبار|ताज़ा (खबरें|ख़बरें)|tin mới nhất|ข่าวล่าสุด|最新(新闻|新聞|消息|文章)",
        r"friss hírek|nejnovější zprávy|tuoreimmat|последни новини|najnovije( vijesti)?"
        r"|naujausi(os naujienos)?|terkini|pinakabagong balita|آخرین اخبار|সর্বশেষ|تازہ ترین"
        r"|लेटेस्ट न्यूज़|מבזקים|nos dernières actualités|plus d'actualités|noch mehr nachrichten",
    ),
    # "Recommended", "You may also like", "Don't miss", sponsored recommendations
    "recommended": (
        r"recommended( (for you|stories|articles|reading|videos?))?( by (?-i:[A-Z]).{1,40})?",
        r"you (may|might) (also )?(like|enjoy|be interested in)",
        r"(don'?t|do not) miss( this| these)?|(editors?'?s?|staff) (picks?|choice)",
        r"(from )?around the web|sponsored (stories|content|links)|promoted (stories|content)",
        r"(promoted|sponsored) links( by \S+)?|paid (content|stories|posts)|from the web"
        r"|gesponserte (links|inhalte|artikel)|contenus? sponsorisés?|contenuti sponsorizzati",
        r"(das|dies) (könnte|dürfte) (sie|dich) auch interessieren",
        r"(das|dies) (könnte|dürfte) (sie|dich) interessieren|auch spannend|lesenswert"
        r"|(das|dies) (könnte|dürfte) (ihnen|dir) auch gefallen"
        r"|beiträge, die (sie|dich) interessieren könnten",
        r"auch interessant|ebenfalls interessant|auch lesenswert|empfehlungen?( der redaktion)?",
        r"nos (recommandations|suggestions)|vous aimerez (aussi|également)|articles? recommandés",
        r"à découvrir|ne manquez pas|(también )?(te|le) (puede|podría) interesar",
        r"te recomendamos|recomendad[oa]s?( para (ti|você|usted))?|no te pierdas"
        r"|(você|voce) (pode|também pode) gostar|talvez você goste"
        r"|vous pourriez (aussi|également) aimer|du kanske (också|även) gillar"
        r"|misschien vind je dit ook leuk|(también )?te puede gustar",
        r"stories you may like|you may have missed|from our partners|empfohlene artikel"
        r"|unsere empfehlungen|redaktionsempfehlungen|recommandé pour vous|à découvrir aussi"
        r"|ailleurs sur le web|contenido patrocinado|conteúdo patrocinado|quizás te interese"
        r"|puede interesarte|te sugerimos|lectura recomendada|articoli consigliati"
        r"|potrebbe piacerti anche|ti potrebbe piacere|anbefal(t|te artikler|et)|рекомендуем"
        r"|выбор редакции|вам может быть интересно|ilginizi çekebilir|editörün seçtikleri"
        r"|rekomendasi|pilihan editor",
        r"(こちらの|この)記事もおすすめ|함께 보면 좋은 기사|오늘의 추천|추천 ?뉴스|핫이슈"
        r"|당신이 좋아할 만한 기사|精彩推荐|你可能也喜歡|(編輯|编辑)推(薦|荐)",
        r"(ti )?potrebbe(ro)? interessar(ti|e)( anche)?|consigliati|da non perdere|in evidenza",
        r"suggested (reading|stories|articles)|sélectionnés? pour vous|mohlo by vás zajímat",
        r"polecamy|może (cię|ci się) (zainteresować|spodobać)|aanbevolen|ook interessant",
        r"dit vind je (misschien )?ook interessant|bunlar da ilginizi çekebilir"
        r"|önerilen haberler",
        r"おすすめ(記事|ニュース)?|추천 ?기사",
        r"猜你喜(欢|歡)|(为你|為你)推(荐|薦)|推(荐|薦)(新闻|新聞|文章)|có thể bạn quan tâm"
        r"|(قد )?يهمك [أا]يضاً?|आपको (यह|ये) भी पसंद आ(एगा|एंगे)|ezek is érdekelhetik",
        r"ajánlott cikkek|recomandări|articole recomandate|doporučujeme|suosittelemme|polecane"
        r"|odporúčame|preporučujemo|บทความแนะนำ|ebenfalls lesenswert|zum weiterlesen"
        r"|diese artikel könnten sie (auch )?interessieren|ihnen könnte (auch )?gefallen"
        r"|andere leser interessierten sich (auch )?für",
    ),
}

#: Calls to write a comment ("Leave a comment", "Kommentar schreiben", "Lascia un commento"):
#: a chrome line wherever it stands (`comment_prompt`), and a comment thread's header above
#: the comments (`COMMENT_HEADERS`).
_COMMENT_CALLS = (
    r"(leave|post|add|write) a (comment|reply)|join the (discussion|conversation)"
    r"|diskutieren sie mit|kommentar (schreiben|verfassen|abgeben)|laisser un commentaire"
    r"|(deja|escribe) (un|tu) comentario|deixe (um|seu) comentário|lascia un commento"
)

#: Whole lines that are site chrome, whatever their position, by what they are (each entry
#: holds every language's words for it): the article's toolbar (share, save, print, listen),
#: ad labels, reading times, comment prompts, "click here" calls and page navigation, the
#: small print of forms and cookie notices, and photo credits. (Promo calls: `PROMO_CALLS`.)
CHROME_LINES: dict[str, tuple[str, ...]] = {
    "share_prompt": (
        r"(share|tweet|email|print|save|copy link|pin)( (this|the) (article|story|page))?",
        r"share (this|the) (article|story|page|on \S+)|share on \S+( and \S+)?",
        r"(like|liked|enjoyed|enjoy) this (article|story|post)\?? share it( with .{1,40})?",
        r"(diesen )?(artikel )?teilen|(jetzt )?(auf \S+ )?teilen|partager( (cet article|sur \S+))?",
        # a share bar's own label: "Social Sharing", "Sharing is caring!"
        r"social sharing|sharing is caring!?",
        r"compartir( (este artículo|en \S+))?|compartilh(ar|e)( (este artigo|no \S+))?|partilhar",
        r"condividi( (questo articolo|su \S+))?|udostępnij( (artykuł|na \S+))?|del(en|en via \S+)",
        # the rest of the toolbar: send, copy the link, save, gift, print, listen, open in app
        r"(share|send) (via|by|per) \S+|click to (share|email|print)\b.{0,60}|share full article"
        r"|cop(y|ied) (the )?link|link copied|copied to clipboard|gift (this )?(article|story)"
        r"|(save|bookmark) (this )?(article|story|for later)|(open|read|continue) in (the )?app"
        r"|listen to (this )?(article|story)",
        r"(per|bei) \S+ teilen|teilen sie diesen artikel|link kopieren|artikel (merken|speichern"
        r"|vorlesen|anhören)|merken|drucken|copier le lien|imprimer|lire plus tard"
        r"|ajouter à (mes|vos) favoris|écouter (cet )?article|copiar (el |o )?(enlace|link)"
        r"|imprimir|escuchar (el |este )?artículo|copia (il )?link|stampa|ascolta (l'|questo )"
        r"?articolo|ouça (este|o) (artigo|texto)|kopieer (de )?link|deel dit artikel"
        r"|delen op \S+",
        # the same, worded as sites print it in more languages and toolbars
        r"share this|share (this )?(article|post)|dela( artikeln| på \S+)?|поделиться|paylaş"
        r"|bagikan|シェア(する)?|공유(하기)?|分享(到)?",
        r"bookmark|font size|text size|schriftgröße|copy url|listen|escuchar|écouter",
        # share buttons in the languages of more news sites: hu, ro, el, cs, da, no, fi, uk,
        # vi, th, ar, he, hi
        r"megosztás|distribuie|κοινοποίηση|sdílet|del (artiklen|artikkelen)|jaa|поділитися"
        r"|chia sẻ|แชร์|شارك|مشاركة|שתפו|שתף|शेयर करें",
        # the buttons publishing systems and their plugins ship, as they word them: Jetpack
        # ("Like this:", "Like Loading...", "Rate this:"), Blogger ("Email This",
        # "BlogThis!", "Share to X"), kk Star Ratings ("Click to rate this post!", "[Total: 0
        # Average: 0]"), Print Friendly, Sassy Social Share ("Spread the love"), and the
        # republishing button of newsrooms that license their stories ("Republish This Story")
        r"like this|like loading\W*|rate this|email this|blogthis!?|share to \S+|pin it"
        r"|click to rate (this|the) (post|article)!?|total: \d+ average: [\d.]+"
        r"|print friendly,? pdf (&|and) email|spread the love"
        r"|republish (this|the|our) (story|article)",
        # the same buttons as WordPress ships them in German, Spanish, Italian, Portuguese,
        # French, Dutch and Swedish ("Gefällt mir:", "Me gusta Cargando...", "Curtir isso:", "Teilen
        # mit:", "Comparte esto:"), and a share button's note that it opens a window ("Click
        # to share on X (Opens in new window)", "Condividi su WhatsApp (Si apre in una nuova
        # finestra)")
        r"gefällt mir( wird geladen\W*)?|teilen mit|me gusta( esto| cargando\W*)?|comparte esto"
        r"|mi piace( caricamento( in corso)?\W*)?|curtir( isso| carregando\W*)?|compartilhe isso"
        r"|gostar disto|partilhe isto|j'aime chargement\W*|vind ik leuk|dit delen|dela det här"
        r"|gilla( laddar\W*)?",
        r"(click|klicke|haz clic|fai clic|clique|cliquez|klik|share|teilen|compartir|condividi"
        r"|compartilhar|partager|delen)[^.!?]{0,60}\((opens in (a )?new window|wird in neuem"
        r" fenster geöffnet|se abre en una ventana"
        r" nueva|si apre in una nuova finestra|abre em (uma )?nova janela|ouvre dans une nouvelle"
        r" fenêtre|opent in een nieuw venster)\)",
    ),
    "ad_label": (
        r"advertisements?|advertising|sponsored|ad|werbeanzeigen|publicités|advertenties",
        r"story continues (below|after) (this )?advertisement",
        r"skip (advertisement|ad)|continue reading (the main story|below)"
        r"|(advertisement\s*-\s*)?scroll to continue( with content)?"
        r"|advertisement\s*-\s*continue reading below|ad feedback|report this ad",
        r"anzeige|werbung|publicité|publicidad|publicidade|pubblicità|reklama|advertentie",
        # the button past an ad: "Passer la publicité" (lefigaro.fr), "Werbung überspringen"
        r"passer la publicité|(werbung|anzeige) überspringen|saltar (la )?publicidad"
        r"|salta (la )?pubblicità",
        r"annons|annonse|реклама|reklam|iklan|広告|광고|广告",
        r"article continues (below|after) (this )?advertisement|la suite après cette publicité",
        r"hirdetés|publicitate|reclamă|διαφήμιση|annonce|mainos|quảng cáo|โฆษณา|إعلان|פרסומת"
        r"|विज्ञापन|artykuł sponsorowany|gesponsord",
    ),
    "reading_time": (
        r"(estimated )?reading time:? .{1,20}|\d+[ -]min(ute)?s? read",
        r"lesezeit:? .{1,20}|\d+ min(\.|uten)? lesezeit|temps de lecture:? .{1,20}",
        r"lecture\s*:?\s*\d+ min(utes)?|tiempo (estimado )?de lectura:? .{1,20}",
        r"tempo (estimado )?de leitura:? .{1,20}|tempo di lettura:? .{1,20}",
        r"lettura:? \d+ min(uti)?|czas (czytania|lektury):? .{1,20}|leestijd:? .{1,20}",
        # a post's view counter, as blog plugins print it ("Post Views: 1,234")
        r"(post )?views:? \d[\d.,]*",
    ),
    "comment_prompt": (
        r"(view|show|hide|load|add|post|read) (\d+ )?comments?|\d+ comments?|comments? \(\d+\)",
        r"print( this)? article|comments?|tell us what you think",
        r"kommentare?( \(\d+\))?|commentaires?( \(\d+\))?|comentários?( \(\d+\))?",
        r"comentarios?( \(\d+\))?|commenti( \(\d+\))?|komentarze( \(\d+\))?|reacties?( \(\d+\))?",
        r"skomentuj|reageer|kommentarer( \(\d+\))?|hozzászólások( \(\d+\))?"
        r"|(komentáře|комментарии|yorumlar|bình luận|kommentit)( \(\d+\))?",
        r"jetzt kommentieren|kommentare (öffnen|anzeigen|lesen|schließen)|(view|show|hide) "
        r"comments",
        _COMMENT_CALLS,
        r"be the first to comment|log ?in to comment"
        # what blog software ships: Blogger's "No comments:", Drupal's "Log in or register
        # to post comments", a theme's "Click to comment", "Facebook Comments"
        r"|no comments|click to comment|facebook comments"
        r"|log ?in( or register)? to post comments"
        # the same in the languages WordPress and Blogger ship ("Schreibe einen Kommentar",
        # "Deja una respuesta", "Cancella risposta", "Keine Kommentare:")
        r"|schreibe einen kommentar|kommentar (verfassen|hinterlassen|veröffentlichen)"
        r"|keine kommentare|deja una respuesta|cancelar respuesta|no hay comentarios"
        r"|publicar un comentario|(cancella|annulla) risposta|annuler la réponse"
        r"|publier un commentaire|cancelar resposta|nenhum comentário|postar um comentário"
        r"|geef een reactie|reactie annuleren"
        r"|comment on this (story|article)|comments are closed\.?",
    ),
    # calls to click, and the page's own navigation: "Click to enlarge", "Back to top"
    "click_here": (
        r"click here to .{0,80}|tap here to .{0,60}",
        r"click here|hier klicken|cliquez ici|ha(z|ga) clic aquí|clicca qui|clique aqui|klik hier",
        r"(click|tap) to (enlarge|expand|zoom)|view (the )?(full )?(gallery|slideshow|photos)"
        r"|(bild|foto) vergrößern|(weitere )?bilder anzeigen|zur bildergalerie",
        r"skip to (main )?content|back to top|(zurück )?nach oben|zur startseite"
        r"|retour en haut|volver arriba|jump to comments",
        r"zum inhalt springen|aller au contenu|ir al contenido|torna su|voltar ao topo",
        # a blog's pager, feed links and sidebar, as Blogger and WordPress ship them
        r"newer posts?|older posts?|subscribe to: (posts|post comments) \(atom\)"
        r"|post comments \(atom\)|view my complete profile|report abuse|follow by e-?mail"
        r"|blog archive|search for|(proudly )?powered by (wordpress|blogger|ghost|drupal"
        r"|substack)\.?",
        # the same in German, Spanish, Italian, Portuguese, French and Dutch, a feed link
        # in any ("Abonnieren Post-Kommentare (Atom)"), a post navigation's label
        r"neuerer post|älterer post|neuere beiträge|ältere beiträge|suche nach|stolz präsentiert"
        r" von wordpress|entrada más reciente|entrada antigua|entradas (más recientes"
        r"|anteriores)|post più (recente|vecchio)|postagem mais (recente|antiga)|article plus"
        r" (récent|ancien)|nieuwere post|oudere post|(abonnieren|suscribirse a|iscriviti a"
        r"|assinar|s'abonner à)\W*[^.!?]{1,60}\(atom\)"
        r"|post navigation|beitragsnavigation|navegación de entradas|navigazione articoli"
        r"|navigation des articles|navegação de posts?|berichtnavigatie",
        # a breadcrumb trail that opens on the home page, as SEO plugins and shops print it
        # (Yoast and Rank Math: "Home » News » Title", Breadcrumb NavXT: "Home > News",
        # WooCommerce: "Home / News / Title"; one slash is a sports table's "Home / Away")
        r"(home|home ?page|startseite|accueil|inicio|início|pagina iniziale|strona główna"
        r"|ana sayfa|forside|etusivu|главная|trang chủ|beranda|首页|ホーム|홈)"
        r"(\s*[»›→>]\s*\S.{0,200}|\s+/\s+[^/]{1,80}\s/\s.{1,200})",
        # a placeholder until a script fills the block: "Loading...", "Wird geladen …"
        r"loading|wird geladen|chargement( en cours)?|cargando|caricamento( in corso)?"
        r"|carregando",
        # a page region's label for screen readers: "Article content", "Hauptinhalt"
        r"(article|main) content|hauptinhalt|contenu principal|contenido principal",
        # a photo viewer's buttons and labels, left alone on a line: "Caption", "Close",
        # "Updated" (Hearst's papers: chron.com, sfgate.com, timesunion.com, ...), "toggle
        # caption", "Enlarge this image"
        r"caption|close|updated|(hide|show|toggle) caption|enlarge this image",
        # a page's controls, left alone on a line: "Show more", "Load more", "Page 1 of 2",
        # "Open gallery", "Mehr anzeigen", "Schließen", "Voir plus"
        r"(show|load|view) (more|less)|(see|read) less|expand|collapse|(next|previous) page"
        r"|page \d+ of \d+|(open|view) (the )?gallery|see all (photos|images|pictures)"
        r"|(all|more) (articles|stories|posts) by ((?-i:[A-Z])\S* ?){1,4}",
        r"(mehr|weniger) anzeigen|schließen|seite \d+ von \d+|zum (artikel|video)"
        r"|zur übersicht|(zur )?bildergalerie|galerie öffnen|weitere bilder"
        r"|alle (artikel|beiträge|texte) von ((?-i:[A-ZÄÖÜ])\S* ?){1,4}"
        r"|artikel vorlesen lassen",
        r"(voir|afficher) (plus|moins)|fermer|ver menos|mostrar (más|menos)|cerrar"
        r"|mostra (di più|di meno|altro)|chiudi|fechar|toon meer|sluiten",
        # the footer's links: "Privacy Policy", "Terms of Use", "Impressum"
        r"privacy policy|terms of (use|service)|do not sell( or share)? my personal information"
        r"|cookie (settings|preferences)|datenschutzerklärung|impressum|nutzungsbedingungen"
        r"|zum inhalt",
        # the call to report a mistake: "Fehler gefunden? Jetzt melden.", "Report an error"
        r"(fehler gefunden|found an error|spotted an error|found a typo|spotted a typo)\?\s*"
        r"(jetzt melden|report it|let us know|tell us)\.?|report an error|report a (typo"
        r"|correction)|suggest a correction|submit a correction|(inhaltliche[nr]? )?fehler melden"
        r"|signaler une erreur|segnala(re)? un errore|reportar un error",
    ),
    # the site's account and subscription buttons, left alone on a line ("SUBSCRIBE",
    # "Sign up", "Se connecter", "identifiez-vous", "Iniciar sesión", "Suscribete"), and
    # the note on a tool kept for members ("Esta funcionalidad es sólo para registrados").
    # A line, never a sentence: "Sign in to read more" is the paywall's (`appeal`).
    "account": (
        r"sign ?in|sign ?up|log ?in|log ?out|sign ?out|subscribe|my account",
        r"(subscribe|sign up) now|start (your|a) free trial|try (it )?(for )?free|newsletter"
        r"|jetzt testen|abo abschließen|probeabo|hier anmelden|give this article",
        r"se connecter|connexion|identifiez-vous|s'identifier|se déconnecter|mon compte",
        r"iniciar sesi[oó]n|suscr[ií]bete|cerrar sesi[oó]n|mi cuenta|registrarse",
        r"anmelden|einloggen|abmelden|ausloggen|mein konto|accedi|esci|il mio account"
        r"|entrar|assine|minha conta|inloggen|logga in|logg inn|войти|ログイン|로그인|登录",
        r"(esta )?funcionalidad (es )?s[oó]lo para (registrados|suscriptores)"
        r"|this feature is (only )?(available )?(for|to) (registered users|subscribers)"
        r"|cette fonctionnalité est réservée aux (abonnés|inscrits)"
        r"|diese funktion (ist|steht) nur (für )?(abonnenten|registrierten? nutzer)"
        r"( zur verfügung)?",
    ),
    # the small print of a sign-up or comment form: "By submitting this form you agree
    # to ...", "This site is protected by reCAPTCHA ...", "Mit meiner Anmeldung ... stimme
    # ich ... zu"
    "form_consent": (
        r"by (submitting|signing up|subscribing|registering|clicking)\b.{0,200}\b(you )?"
        r"(agree|accept|consent|acknowledge)\b.{0,300}",
        r"this (site|form|page) is protected by recaptcha.{0,200}",
        r"(you can|you may) (unsubscribe|opt out) at any time.{0,200}",
        r"mit (meiner|der|ihrer|deiner|dem) (anmeldung|registrierung|eintragung|absenden|klick)"
        r".{0,200}\b(stimme|willige|willigen|akzeptiere|akzeptieren|erkläre|erklären)\b.{0,300}",
        r"en (vous inscrivant|cliquant|soumettant|validant).{0,200}\b(acceptez|consentez)\b"
        r".{0,300}",
        r"al (suscribirte|suscribirse|registrarte|registrarse|hacer clic).{0,200}\b(aceptas"
        r"|acepta|aceptar|consientes)\b.{0,300}",
        r"ao (se inscrever|se cadastrar|clicar).{0,200}\b(aceita|concorda)\b.{0,300}",
        r"(iscrivendoti|cliccando|proseguendo la navigazione).{0,200}\b(accetti|acconsenti)\b"
        r".{0,300}",
        # a sign-up form's field, and a cookie notice
        r"(enter|type) your e-?mail( address)?\W*|your e-?mail address|e-mail-adresse eingeben",
        # (a notice runs to 600 characters: "We use cookies and other tracking technologies
        # to improve ... To find out more or to opt-out, please read our Cookie Policy. ...")
        r"(we|(this|our) (site|website)) uses? cookies( and (similar|other)( \w+){1,2})?"
        r"( on (this|our) (site|website))? (to|so that|for)\b.{0,600}"
        r"|(this|our) (site|website) uses cookies\..{0,300}"
        r"|by (choosing|clicking|continuing|using) .{1,60}, you (consent|agree) to (our|the) use"
        r" of cookies( and (similar|other)( \w+){1,2})?"
        r"|(accept|allow|reject|decline) (all )?cookies|(manage|customi[sz]e) (cookie )?"
        r"(preferences|settings|consent)|cookie (settings|preferences)",
        r"wir (verwenden|nutzen) cookies,? (um|damit|für)\b.{0,300}|(alle )?cookies (akzeptieren"
        r"|zulassen|ablehnen)|cookie-einstellungen|nous utilisons des cookies (pour|afin)\b"
        r".{0,300}|(utilizamos|usamos) cookies( propias y de terceros)? (para|con)\b.{0,300}"
        r"|utilizziamo (i )?cookie( tecnici)? (per|e)\b.{0,300}",
        # the form's answers, and a consent box's buttons
        r"thank(s| you) for (subscribing|signing up)!?|you('ve| have) (successfully )?"
        r"(subscribed|signed up)( to .{1,60})?!?|(please enter a valid|invalid) e-?mail"
        r"( address)?|we('ll| will) never share your e-?mail( address)?.{0,100}"
        r"|(sorry, )?there was an error processing your (subscription|request|sign-?up)\.?"
        r"|keep an eye on your inbox( for .{1,80})?\.?",
        r"(accept|allow|reject|decline) all|alle (akzeptieren|ablehnen)|tout (accepter|refuser)"
        r"|(aceptar|rechazar) todo|(accetta|rifiuta) tutto|(aceitar|rejeitar) todos"
        r"|alles accepteren",
    ),
    # what an embedded post or video says in its place until the reader consents: "Allow
    # X content?", "An dieser Stelle finden Sie einen externen Inhalt ...", "Ich bin damit
    # einverstanden, dass mir der externe Inhalt angezeigt wird", "Deine Privatsphäre-
    # Einstellungen verhindern das Laden ... externer Inhalte"
    "embed_consent": (
        # what stands in for a slideshow or video the browser cannot show
        r"this slideshow requires javascript\.?|(please )?enable javascript to (view|see|watch"
        r"|play) (this|the) (video|slideshow|gallery|content)\.?|your browser does not support "
        r"(the )?(video|audio)( tag| element)?\.?|(sorry, )?this video (is not|isn't) available"
        r".{0,60}",
        r"allow .{1,40} content\??( this (article|page) contains content provided by .{0,300})?",
        r"this (article|page) contains content provided by .{1,40}\..{0,300}",
        r"(this|the) content (is not|isn't|cannot be) (available|displayed|shown|loaded) (due to"
        r"|because of) your (privacy|cookie|consent) (preferences|settings|choices).{0,200}",
        r"to (view|see|display|load) this content,? (you need to |you must |please )?(accept"
        r"|allow|enable|update|change|manage) .{0,60}(cookies|consent|privacy).{0,200}",
        r"an dieser stelle (finden sie|findest du) (einen |ein )?(von .{1,40})?externe[nr]? "
        r"(inhalt|beitrag)\b.{0,300}",
        r"(ich bin damit einverstanden|ich willige ein|ich stimme zu),? dass mir (der |die )?"
        r"externe[nr]? (inhalte?|beiträge|beitrag) angezeigt (wird|werden).{0,400}",
        r"externe[rn]? (inhalt|beitrag) (nicht verfügbar|blockiert|deaktiviert)",
        r"(deine|ihre) (privatsphäre|datenschutz|cookie)-?einstellungen verhindern .{0,300}",
        r"personenbezogene daten können an drittplattformen übermittelt werden.{0,200}",
        r"(pour (afficher|voir|consulter) ce contenu|ce contenu (n'est pas disponible|est "
        r"bloqué)).{0,120}(cookies|consentement|accepter|choix).{0,200}",
        r"para (ver|mostrar|visualizar) este contenido.{0,120}(cookies|consentimiento|aceptar)"
        r".{0,200}",
        # a placeholder's label, left alone on its line: "Embed", "Video", "Back to video",
        # "Link zum YouTube-Inhalt", "Link des Videos", "Empfohlener redaktioneller Inhalt"
        r"embed(ded (content|post|video|tweet))?|((watch|play|back to)( the)? )?video"
        r"|external content|link (zum|zu dem) [\w.-]+-inhalt|link des videos"
        r"|(empfohlener )?(redaktioneller|externer) inhalt|contenu externe|contenido externo"
        r"|conteúdo externo|contenuto esterno",
        r"video abspielen|lire la vidéo|reproducir (el )?vídeo|riproduci (il )?video",
        # a player's controls and what stands in for a blocked or missing embed
        r"play (audio|video)|pause|(un)?mute|fullscreen|now playing|video player is loading\.?"
        r"|audio abspielen|(jetzt )?podcast (abonnieren|hören)|subscribe to (our|the) podcast"
        r"|(watch|listen) now|third-party content|inhalte? (von drittanbietern|laden)"
        r"|content (not |un)available|this content is not available in your (region|country)\.?"
        r"|please enable javascript.{0,80}|datenschutzhinweis",
        r"mehr informationen (dazu )?finden sie in (unserer|der) datenschutzerklärung\.?",
    ),
    # a table of contents' title and toggle, as the plugins that write one ship them
    # (Easy Table of Contents: "Table of Contents", "Toggle"; Table of Contents Plus:
    # "Contents [hide]"), in the words sites title one; its entries are the article's own
    # subheadings (`boilerplate`). A lone "Contents" or "Inhalt" may be a review's
    # subheading: not these.
    "table_of_contents": (
        r"(table of contents?|contents \[(hide|show)\])( \[(hide|show)\])?"
        r"|toggle( (the )?table of contents?)?|inhaltsverzeichnis|tabla de contenidos?"
        r"|índice de contenidos|sommaire|table des matières|indice dei contenuti|inhoudsopgave"
        r"|spis treści|içindekiler|innehållsförteckning|sisällysluettelo|indholdsfortegnelse"
        r"|innholdsfortegnelse|содержание|зміст|目次|목차|目录",
    ),
    # photo and source credits: "Photo: Jane Doe/Reuters", "Foto: dpa", "Getty Images"
    "credit": (
        r"(image|photo|photograph|picture|video|credit|source) ?: .{0,80}",
        r"(foto|bild|quelle|crédit|fotografía|crédito|fuente|fonte|credito|beeld|bron|kilde"
        r"|källa|lähde) ?: .{0,80}",
        r"(fot|źródło)\.? ?: .{0,80}",
        r"(getty images|reuters|afp|ap photo|shutterstock|alamy)( via getty images)?",
        r"(photo|image|picture) credits? ?: .{0,80}|(crédit|credito) (photo|foto) ?: .{0,80}"
        r"|ap photo/.{1,60}",
        # the labels a photo leaves in the text: "Image copyright Getty Images", "Image caption"
        r"image copyright\b.{0,80}|image caption|copyright ?: .{0,80}",
        # photo and source credits in the languages of more news sites (a full-width colon
        # too: "写真：共同"; Korean papers write "사진=연합뉴스")
        r"(fotó|kuvat?|fotoğraf|фото|ảnh|φωτογραφία|צילום|تصوير|写真|사진|图片来源|圖片來源)"
        r" ?[:：=] ?.{1,80}|fot\. .{1,60}",
        r"(zdroj|forrás|sursa|kaynak|источник|nguồn) ?[:：] ?.{1,40}",
    ),
}

# Credits: the roles, the names after them (capitalised, with "and", "in", commas between:
# no sentence goes on after them), and the agencies ("mit dpa und AFP", "Avec AFP").
_CREDIT_ROLES = (
    r"((additional |writing and )?reporting|writing|editing|compiled|research|translated"
    r"|produced|graphics|photos?)"
)
_NAME = r"(?-i:[A-Z][\w\x27’.-]*)"
_NAMES = rf"{_NAME}((,| and| y| e| und| et| in| from| with)? {_NAME})*"
_AGENCY = r"(dpa|afp|reuters|ap|kna|epd|sid|apa|efe|ansa|sda)"
_AGENCIES = rf"{_AGENCY}(\s*(,|/|und|and|et|y|e)?\s*{_AGENCY})*"

#: "All rights reserved", in the languages the tables know: what makes a copyright line a
#: notice.
_RIGHTS_RESERVED = (
    r"all rights reserved|alle rechte vorbehalten|tous droits réservés"
    r"|todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati"
    r"|riproduzione riservata|wszelkie prawa zastrzeżone|alle rechten voorbehouden"
    r"|alla rättigheter förbehållna|alle rettigheter (reservert|forbeholdt)"
    r"|alle rettigheder forbeholdes|kaikki oikeudet pidätetään|všechna práva vyhrazena"
    r"|všetky práva vyhradené|minden jog fenntartva|toate drepturile rezervate"
    r"|tüm hakları saklıdır|все права защищены|всі права захищені|всички права запазени"
    r"|כל הזכויות שמורות"
    r"|جميع الحقوق محفوظة|सर्वाधिकार सुरक्षित|bản quyền thuộc về|สงวนลิขสิทธิ์"
    r"|版权所有|版權所有|無断(転載|複製|転用)を?(禁じ(ます|る)|禁止)"
    r"|무단\s?전재\s?(및|와|·)?\s?(재배포|배포)\s?금지"
)


def _first_letters(alternation: str) -> str:
    """The letters the alternatives of `alternation` open with, as a character class: a
    cheap test before each position where the alternatives would be tried one by one (the
    table's slowest phrase ran 2.5 times faster with it). Each must open with a letter."""
    letters: set[str] = set()
    depth, opening = 0, True
    for char in alternation:
        if opening:
            if not char.isalpha():
                raise ValueError(f"an alternative opens with {char!r}, not a letter")
            letters.add(char.casefold())
        depth += {"(": 1, ")": -1}.get(char, 0)
        opening = char == "|" and depth == 0
    return f"[{''.join(sorted(letters))}]"


#: A promo's call on a line of its own, short ("Sign up for our newsletter", "Download our
#: app", "Follow us on Twitter", "Become a member"): the closing kinds' lines that pages also
#: put between paragraphs, removed wherever they sit (`boilerplate`). The longer promo
#: paragraphs are closing lines only, at the end.
PROMO_CALLS: dict[str, tuple[str, ...]] = {
    "newsletter": (
        r"(sign up|subscribe|register) (now |today |here )?(to|for) (our|my) .{0,40}newsletters?"
        r"|get our .{0,30}newsletters?|our newsletters?|(jetzt )?newsletter abonnieren"
        r"|(inscrivez|abonnez)-vous à (notre|la) newsletter|suscríbete a (nuestro|nuestra|la) "
        r"(newsletter|boletín)|recibe (nuestro|el) boletín|iscriviti alla (nostra )?newsletter"
        r"|assine (a )?(nossa )?newsletter|schrijf je in voor (onze|de) nieuwsbrief"
        r"|zum newsletter anmelden",
        r"zapisz się do (naszego )?newslettera|iratkozzon fel (a )?hírlevelünkre"
        r"|abonează-te la (newsletter|newsletterul nostru)|přihlaste se k odběru (našeho )?"
        r"newsletteru|tilmeld dig (vores |vort )?nyhedsbrev(et)?|tilaa uutiskirje(emme)?"
        r"|prenumerera på (vårt )?nyhetsbrev(et)?|meld deg på (vårt )?nyhetsbrev(et)?"
        r"|подпишитесь на (нашу )?рассылку|bültenimize abone olun",
        r"get .{0,40}delivered (straight |directly )?to your inbox.{0,60}",
        r"(sign up|subscribe|register)( now| today| here)? (for|to) .{1,60}(delivered|sent|straight"
        r"|direct) (straight |directly )?to your inbox.{0,60}",
        r"(sign up|subscribe|register)( now| today| here)? (to|for) .{1,60}newsletters?( here| now"
        r"| today)?|(want|like|love|need) .{1,40}\? (sign up|subscribe)( here| now| today)?"
        r"( (to|for) .{1,60})?|(this|the) (article|story) is (part of|from|featured in) our "
        r".{1,60}newsletter\..{0,40}",
        r"jetzt (den |unseren )?(kostenlosen )?newsletter abonnieren.{0,60}|melden sie sich "
        r"(jetzt )?(kostenlos )?für unseren .{0,30}newsletter an\.?|mit unserem newsletter .{0,80}"
        r"|(inscrivez|abonnez)-vous à (notre|la) newsletter.{0,80}|suscríbete a (nuestra|nuestro"
        r"|la) (newsletter|boletín).{0,80}",
        # the sign-up calls blog platforms ship: Ghost's "Sign up for more like this.",
        # Substack's "Thanks for reading X! Subscribe for free to receive new posts and
        # support my work.", Jetpack's "Subscribe to get the latest posts sent to your email."
        r"sign up for more like this\.?|(thanks for reading .{1,60}! )?subscribe for free to "
        r"receive new posts and support my work\.?|subscribe to get the latest posts (sent )?to "
        r"your e-?mail\.?",
    ),
    # the publisher elsewhere: its social accounts, its app
    "follow": (
        # The publisher, a section or a show by name: "Follow Newsbeat on Instagram, Facebook,
        # Twitter and YouTube.", "Follow TechRadar on Google News and add us as a preferred
        # source ...", "Folgen Sie der Redaktion auf Instagram".
        rf"(follow|folgen sie|suivez|sigue a|segui|siga|volg) [^\s,;:!?][^,;:!?]{{0,49}}? "
        rf"(on|auf|sur|en|su|no|na|op) ({_SOCIAL})\b.{{0,160}}",
        # "Subscribe to 9to5Mac on YouTube for more Apple news:", "... YouTube Channel"
        rf"subscribe to [^\s,;:!?][^,;:!?]{{0,49}}?( on)? ({_SOCIAL})( channel)?\b.{{0,160}}",
        r"follow us( on .{1,40})?|like us on facebook|folgen sie uns( auf .{1,40})?"
        r"|suivez-nous( sur .{1,40})?|síguenos( en .{1,40})?|seguici( su .{1,40})?"
        r"|siga-nos( n[oa] .{1,40})?|volg ons( op .{1,40})?",
        # the same in more languages, with a network named (its case ending too)
        rf"(kövess(en)? minket( az?)?|urmărește-ne( pe)?|sledujte nás( na)?|seuraa meitä"
        rf"|obserwuj nas( na)?|følg (oss|os)( på)?|följ oss( på)?|ikuti kami( di)?"
        rf"|подписывайтесь на нас( в)?|theo dõi chúng tôi( trên)?)( ({_SOCIAL})"
        rf"('?\w{{1,5}})?\b(,? .{{1,40}})?)?!?|bizi ({_SOCIAL})('?\w{{1,5}})? takip edin!?",
        r"download (our|the) (free )?(\S+ )?app.{0,60}|get the (\S+ )?app|laden sie (sich )?"
        r"(unsere|die) .{0,20}app.{0,40}|téléchargez (notre|l') ?application.{0,40}"
        r"|descarga (nuestra|la) app.{0,40}|scarica (la nostra|l') ?app.{0,40}"
        r"|baixe (nosso|o) app.{0,40}|download onze app.{0,40}",
        r"join (our|the) (whatsapp|telegram) (channel|group)( .{0,60})?"
        r"|jetzt die app herunterladen",
    ),
    # a subscription's or membership's offer
    "appeal": (
        r"already a subscriber\?.{0,40}|(sie sind |du bist )?bereits abonnent(in)?\?.{0,60}"
        r"|déjà abonné\s?\?.{0,40}|¿ya eres suscriptor\?.{0,40}|já é assinante\?.{0,40}"
        r"|sei già abbonato\?.{0,40}|jetzt abonnieren|zum abo|s'abonner|abonnez-vous"
        r"|suscríbete|abbonati|become a (member|subscriber|supporter)|donate now"
        r"|support our journalism|subscribe (now|today) for .{1,60}",
        r"(subscribe|sign up)( now| today)? (for|to get) (unlimited|full|complete|digital) "
        r"(digital )?access\b.{0,60}|(get|enjoy) unlimited (digital )?access\b.{0,60}",
        r"(enjoying|enjoyed|like|liked|love|loved) (this|the|our) (article|story|journalism)\? "
        r".{0,80}\b(subscribe|sign up|support|donate|become a (member|subscriber))\b.{0,60}"
        r"|support (independent|local|quality) journalism\.? (subscribe|donate|become a "
        r"(member|subscriber))( today| now)?\.?|become a subscriber (for|from) .{1,40}"
        r"|subscribe( now| today)? to (continue reading|keep reading|read)\b.{0,80}",
        # "Create an account or sign in to continue with your reading experience."
        r"(create (a free |an )?account|register|sign in|log in)( or (create (a free |an )?"
        r"account|register|sign in|log in))? to ((continue|keep) reading\b.{0,60}"
        r"|continue with your reading( experience)?\.?)",
        # the paywall's offer: an account, a limit of free articles
        r"already have an account\? (sign|log) in.{0,20}|create a free account to (continue "
        r"reading|read (more|on)).{0,40}|you('ve| have) reached your (limit|maximum) of free "
        r"(articles|stories).{0,60}|(sie haben|du hast) bereits ein abo\?.{0,40}"
        r"|jetzt weiterlesen mit .{1,20}|abonnez-vous pour (lire|continuer).{0,40}"
        r"|¿ya tienes (una )?cuenta\?.{0,40}|suscríbete para (seguir leyendo|leer).{0,40}",
    ),
}

#: Lines that close a page rather than an article, by what they are: copyright, contributor
#: credits, tag lists, newsletter sign-ups, what a comment form says about commenting,
#: contact lines, "follow us" calls. Removed only at the end of the text (and before
#: its first paragraph); one that ends the page takes the few short lines under it along
#: (`PAGE_CLOSING_LINE_RE`).
CLOSING_LINES: dict[str, tuple[str, ...]] = {
    "copyright": (
        # the sign, or the word with a year or "by" after it ("Copyright law ..." is a sentence)
        r"(©|ⓒ|\(c\)|저작권자|copyright\s*(©|ⓒ|\(c\)|\d{4}|by\b|:))\s*.{0,300}",
        # "copyright Inexhibit 2019 - ISSN: 2283-5474": a name, a year, no more words
        r"copyright\s+(\S+\s+){0,3}(19|20)\d{2}\b(?-i:[^a-z]{0,80})",
        # a licence's badge ("Creative Commons License", under a republishable story)
        r"creative commons licen[cs]e",
        rf".{{0,80}}(?={_first_letters(_RIGHTS_RESERVED)})({_RIGHTS_RESERVED})\.?.{{0,80}}",
    ),
    "tags": (
        r"(tags?|topics?|keywords|filed under|categories|schlagworte|schlagwörter|stichworte"
        r"|stichwörter|themen|labels|libellés|etichette|marcadores|mots-clés|thèmes|etiquetas"
        r"|étiquettes|kategorien|kategorie|categorías|categorias|catégories|categorie"
        r"|categorieën|kategorier"
        r"|temas|tópicos|palavras-chave"
        r"|argomenti|parole chiave|tagi|tematy|onderwerpen|trefwoorden|taggar|nyckelord"
        r"|emneord|stikkord|avainsanat|štítky|címkék|etichete|etiketler|etiket|метки|теги"
        r"|тэги|ετικέτες|タグ|태그|标签|標籤|tagit|etiketter|thẻ|tagovi|oznake|тагове|תגיות"
        r"|الوسوم) ?[:：].{0,200}",
        # blog software's line under a post: "This entry was posted in News and tagged
        # Budget, Council. Bookmark the permalink."
        r"this (entry|post|article) ((was posted|is filed|was filed|is listed) (in|under)"
        r"|is related to):? .{1,200}|posted in .{1,100} (and )?tagged .{1,200}"
        r"|bookmark the permalink\.?",
        # the same on lines of their own ("Posted in News, Transport", "Tagged rail, valley"):
        # a list of terms of a few words each, not a sentence ("Posted in Kabul since 2019,
        # she covers ..."); and Blogger's "Posted by Jane Doe at 10:30 AM"
        r"(posted in|tagged) [^\s.!?,]+( [^\s.!?,]+){0,2}(, [^\s.!?,]+( [^\s.!?,]+){0,2}){0,20}"
        r"|(posted by|eingestellt von|publicado por|pubblicato da|publié par|postado por) "
        r"((?-i:[A-Z])\S* ?){1,4} (at|um|en|a las|alle|à|às) \d{1,2}:\d{2}( ?[ap]\.?m\.?)?",
    ),
    # "Sign up for our newsletter", also as the second sentence of a promo paragraph
    "newsletter": (
        rf"{_SENTENCE_START}(sign(ing)? up|subscrib(e|ing)|register(ing)?)\b.{{0,80}}"
        r"\bnewsletters?\b.{0,150}",
        r"(get|receive) (our|the) .{0,50}newsletters?.{0,60}",
        # "... delivered to your inbox by subscribing to our newsletter"
        r".{0,200}\bby (signing up|subscribing|registering)\b.{0,60}\bnewsletters?\b.{0,100}",
        rf"{_SENTENCE_START}((jetzt |hier )?(den |unseren |zum )?\S*newsletter:? (jetzt )?"
        r"(kostenlos |gratis )?(anmelden|abonnieren|bestellen)"
        r"|(abonnieren|bestellen) sie .{0,40}newsletter|melden sie sich .{0,40}newsletter).{0,150}",
        rf"{_SENTENCE_START}(inscrivez-vous|abonnez-vous|suscríbete|regístrate|assine|inscreva-se"
        r"|cadastre-se|iscriviti|abbonati|zapisz się|zamów|schrijf je in|meld je aan|abonneer je)"
        r"\b.{0,80}\b(newsletter\w*|boletín|boletim|nieuwsbrief)\b.{0,150}",
        # the Nordic languages, Finnish, Russian, Turkish, Indonesian, Japanese, Korean, Chinese
        rf"{_SENTENCE_START}(prenumerera på|abonner(er)? på|tilmeld dig|tilaa|подпишитесь на"
        r"|berlangganan|daftar)\b.{0,60}(nyhetsbrev|nyhedsbrev|uutiskirje|рассылку|newsletter)"
        r".{0,150}",
        r".{0,60}(bültenimize|bültene) abone ol.{0,100}|.{0,40}ニュースレター.{0,10}(購読|登録)"
        r".{0,80}|.{0,40}뉴스레터.{0,10}(구독|신청).{0,80}|.{0,40}(订阅|訂閱).{0,20}(新闻通讯|电子报"
        r"|電子報|newsletter).{0,80}",
        *PROMO_CALLS["newsletter"],
    ),
    # Who reported, wrote, edited: credits about the article, not its text (the gold of both
    # dev sets leaves them out on 8 sites of 9). Only in the trailing block, like the rest.
    "credits": (
        # in brackets, or with the ";" between roles: "(Reporting by A; Editing by B)"
        rf"[(\[].{{0,20}}\b{_CREDIT_ROLES} by .{{2,250}}[)\]]",
        rf"{_CREDIT_ROLES} by [^;]{{2,150}};.{{2,250}}",
        # the Canadian wire credit: "With files from The Canadian Press and Jane Doe"
        r"[(\[]?with files from (?-i:[A-Z]).{1,150}",
        # or names alone after the role: "Additional reporting by Joseph Hudak"
        rf"{_CREDIT_ROLES} by {_NAMES}",
        # "... contributed to this report", nothing after it but where they were; "Keith
        # Bradsher contributed reporting from Hong Kong."
        r".{2,300}\bcontributed (reporting|(reporting )?to (this|the) (report|story|article))"
        r"( from (?-i:[A-Z]).{0,60})?",
        # Gannett's papers: "Contributing: Kristine Phillips, USA TODAY"
        rf"contribut(ing|ors?):\s*{_NAMES}.{{0,80}}",
        # a broadcaster's note of where the story ran: "Dieses Thema im Programm: MDR
        # THÜRINGEN - Das Radio | Nachrichten | 28. April 2023 | 10:00 Uhr", "Über dieses
        # Thema berichtete DLF am 24. März 2023 um 05:20 Uhr."
        r"dieses thema im programm:.{0,200}|über dieses thema berichtete(n)? .{1,150}",
        # the wire's "Peoples reported from New York and Smith from Washington.": names
        r"(?-i:[A-Z][\w\x27’-]+( [A-Z][\w\x27’-]+)?( and [A-Z][\w\x27’-]+( [A-Z][\w\x27’-]+)?)?)"
        r" reported "
        r"(this story )?from (?-i:[A-Z])[^.]{1,100}\.?",
        r"[(\[]?(mitarbeit|redaktion|bearbeitung)\s*:.{2,200}",
        rf"[(\[]?mit (material (von|der) |agenturmaterial( von)? )?{_AGENCIES}[)\]]?",
        rf"[(\[]?(avec|par) (l')?{_AGENCIES}[)\]]?",
        rf"[(\[]?(con información de|com informações d[aeo]s?) {_NAMES}",
        rf"[(\[]?((redacción|edición)\s*:|reportagem de|edição de|ha collaborato|con la "
        rf"collaborazione di) {_NAMES}",
    ),
    # What the comment form under the article says about commenting: moderation, house
    # rules, logging in ("Note: we are temporarily moderating all comments", "Du musst dich
    # einloggen, um einen Kommentar abzugeben", "Comentários ... não serão aprovados").
    "comment_notice": (
        r"(note: )?(we are |we're )?(temporarily )?moderating (all )?comments\b.{0,150}",
        r"(all )?comments are (being )?(moderated|reviewed)\b.{0,150}",
        r"please (be mindful of|read|respect|follow) our (community (standards|guidelines|rules)"
        r"|comment(ing)? (policy|guidelines|rules))\b.{0,150}",
        # house rules that say they are about comments ("As you comment, please be respectful
        # of other commenters ...", "Please keep it civil ... comments ...")
        r"as you comment, please .{0,500}|please (be (respectful|civil|courteous|kind)|keep it "
        r"civil)\b.{0,80}\bcomment(s|ers|ing)?\b.{0,400}|we reserve the right to (remove|delete"
        r"|edit) any comments?\b.{0,400}",
        r"(you must|you need to|please) (be )?(log(ged)? ?in|sign(ed)? ?in|register(ed)?) to "
        r"(post|leave|add|write) a comment\b.{0,80}",
        r"(du musst|sie müssen) (dich|sich) .{0,30}(einloggen|anmelden|registrieren),? um "
        r".{0,30}kommentar.{0,80}",
        # a notice about comments that says what the moderator does with them
        r"(atenção|atención|attention|achtung|note)\s*:\s*.{0,40}(comentários|comentarios"
        r"|commentaires|kommentare|comments)\b.{0,120}(moderat|aprovad|approv|publicad|publish"
        r"|freigeschaltet|veröffentlicht|respeito|respect|offens|ofens).{0,120}",
        # the comment form WordPress and other blog software put under an article: its
        # small print, its fields and its button ("Your email address will not be
        # published. Required fields are marked *", "Name *", "Post Comment")
        r"(your )?e-?mail( address)? will not be published\.?( required fields are marked"
        r" \*\.?)?|required fields are marked \*\.?|save my name, e-?mail,? and website in "
        r"this browser for the next time i comment\.?|(comment|name|e-?mail|website)( \*)?"
        r"|post comment|(leave a (reply|comment) )?cancel reply|comments powered by disqus\.?"
        r"|please enable javascript to view the comments powered by disqus\.?"
        r"|notify me of (follow-up comments|new posts)( by e-?mail)?\.?|this site uses akismet"
        r" to reduce spam\.( learn how your comment data is processed\.?)?",
        # the same form in the languages WordPress ships: its small print, its check boxes
        # and the spam filter's notice
        r"(tu dirección de correo electrónico no será publicada|il tuo indirizzo e-?mail non sarà"
        r" pubblicato|votre adresse (e-?mail|de messagerie) ne sera pas publiée|o seu endereço de"
        r" e-?mail não será publicado|je e-?mailadres wordt niet gepubliceerd|(deine|ihre) "
        r"e-mail-adresse wird nicht veröffentlicht)(\..{0,100}|\s.{0,100})?",
        r"(meinen namen|guarda mi nombre|salva il mio nome|enregistrer mon nom|salvar meus dados"
        r"|mijn naam).{0,150}(kommentierung|comente|commento|commentaire|comentar|reageer)\b"
        r".{0,20}",
        r"benachrichtige mich über (nachfolgende kommentare|neue beiträge) (via|per) e-mail\.?"
        r"|prévenez-moi de tous les nouveaux (commentaires|articles) par (e-?mail|courriel)\.?"
        r"|recibir un correo electrónico con (los siguientes comentarios a esta entrada|cada nueva"
        r" entrada)\.?|avvisami (via|tramite) e-?mail (in caso di risposte|alla pubblicazione di un"
        r" nuovo articolo)\.?|notifique-me (sobre|de) (novos comentários|novas publicações|novos"
        r" posts) por e-?mail\.?|stuur mij een e-?mail (als er vervolgreacties zijn|bij nieuwe"
        r" berichten)\.?",
        r"(diese website verwendet|ce site utilise|este sitio usa|questo sito utilizza|este site"
        r" utiliza o|deze site gebruikt) akismet\b.{0,200}",
        # the reply heading and its cancel link, one line ("Leave a Reply Cancel reply")
        r"(schreibe einen kommentar )?antworten abbrechen|(laisser un commentaire )?annuler la "
        r"réponse|(deja una respuesta )?cancelar la respuesta|(lascia un commento )?annulla "
        r"risposta|(deixe (um comentário|uma resposta) )?cancelar resposta|(geef een reactie )?"
        r"reactie annuleren",
        r"kommentar abschicken|publicar (el )?comentario|invia commento|publicar comentário",
    ),
    # An e-mail address the page gives the reader: "Write to Al Root at ...", "Have a tip?
    # ... may be reached at ...", "Email: ...". Not an article's last sentence that names an
    # address ("Residents can write to the planning office at ...", "Anyone with information
    # is asked to email ..."): there the address is not what the line is for.
    "contact": (
        # little more than the address: "• Email: a@b.example", "Jane Doe, jdoe@b.example"
        rf"{_HAS_AT}(\S+\s+){{0,5}}\S*{_EMAIL}\S*(\s+\S+){{0,3}}",
        # a sentence that opens by asking the reader to write: "Write to Al Root at ...",
        # "And if you have a news tip, let us know at: ..."
        rf"{_HAS_AT}{_SENTENCE_START}(e-?mail|write to|contact|reach|send|get in touch|tips?\b"
        r"|have a|got a|do you have|questions?|kontakt|schreiben sie|schreib uns|hinweise|écrivez"
        r"|contactez|escr[ií]b|cont[aá]ct|scrivi|contatta|((and|or|so) )?(if you [^.!?]{1,80}, )?"
        rf"(let|tell|drop|e-?mail|write to|contact|send|reach) us)\b.{{0,200}}{_EMAIL}.{{0,200}}",
        # "X may be reached at ...", "Here's our email: ..."
        rf"{_HAS_AT}.{{0,300}}\b((may|can|could) be reached|is reachable|erreichen sie"
        rf"|here('s| is) (our|my) e-?mail|we('d| would) (like|love) to hear)\b.{{0,200}}"
        rf"{_EMAIL}.{{0,200}}",
        # the reporters' accounts, and the publisher's pages on the subject, as a wire story
        # ends (AP's, on three dev sites that run them): "Reach the reporters on Twitter at
        # http://...", "Follow AP's full coverage of Brexit at https://...", "More AP NBA:
        # https://... and https://..."
        r"reach (the )?(reporters?|writers?|authors?|\S+( \S+)?) (on (twitter|x) )?at "
        r"(https?://|@)\S+(,? (and )?(https?://|@)\S+)*\.?",
        r"follow .{1,40}\bcoverage( of .{1,100}?)? at (https?://|www\.)\S+\.?",
        r"more (\S+ ){0,2}\S+: https?://\S+(,? (and )?https?://\S+)*\.?",
    ),
    # The publisher's appeal to its readers, for money or membership: "If you enjoyed this
    # article, ... join", "Support the Courier so we ...", "Get ... 52 issues for £39", a
    # German appeal that ends in its button ("... Jetzt unterstützen"). Each asks the
    # reader: a sentence about someone else's appeal or price ("The plan is available for
    # just $6.99", "'We need your support,' she said") is not matched.
    "appeal": (
        rf"{_SENTENCE_START}if you (enjoyed|liked|value|appreciate|rely on) (this|our|reading"
        r"|independent)\b.{0,40}\b(article|story|journalism|reporting|work|coverage)\b.{0,600}",
        rf"{_SENTENCE_START}(please )?support (us|our (journalism|work|reporting|newsroom)"
        r"|independent journalism|(the )?(?-i:[A-Z])\S*( (?-i:[A-Z])\S*){0,2} (so (that )?we"
        r"|and make a difference)\b).{0,400}",
        # a subscription offer and its price ("Get access to ... subscription service ...
        # for as little as $5"; not a deal's "Get it on Amazon for just $39")
        rf"{_SENTENCE_START}(get|subscribe|join|sign up|start|try)\b.{{0,200}}(\b(subscri\w*"
        r"|membership|access)\b.{0,150}\bfor (as little as|only|just)|\b\d+ issues for)\s*"
        r"(£|\$|€|rs\.?|₹)?\s*\d.{0,400}",
        r"(unterstützen sie (uns|unsere[nmrs]?|unabhängigen)\b.{0,600}|.{0,1200}[.!?]\s*jetzt "
        r"unterstützen)",
        *PROMO_CALLS["appeal"],
    ),
    # "Follow us on Twitter", "Follow him on X @handle", in every language the tables know
    "follow": (
        rf"{_SENTENCE_START}follow (him|her|them|us|me|.{{1,60}}) (on ({_SOCIAL})|@\w+).{{0,200}}",
        rf"{_SENTENCE_START}(folgen sie (uns|ihm|ihr|\S+) (auf|bei)|suivez-(nous|le|la) sur"
        rf"|síguen(os|le|la) en|puedes? seguir a .{{1,80}} en|siga-(nos|o|a) n[oa]"
        rf"|seguici su) ({_SOCIAL})\b.{{0,250}}",
        rf"{_SENTENCE_START}(följ (oss|\S+) på|følg (oss|os|\S+) på|volg (ons|\S+) op"
        rf"|ikuti (kami|\S+) di|seuraa (meitä|\S+)|подписывайтесь на (нас в )?"
        # the network's name may take a case ending ("a Facebookon", "Facebookissa",
        # "Twitter'da") or come first ("Bizi Twitter'da takip edin")
        rf"|kövess(en)? (minket|bennünket)( az?)?|urmărește-ne pe|sledujte nás na"
        rf"|obserwuj nas na|theo dõi chúng tôi trên|bizi)\s*({_SOCIAL})('?\w{{1,5}})?\b"
        r"( takip edin)?.{0,250}",
        *PROMO_CALLS["follow"],
    ),
}

#: Paywall notices ("The rest of this article is for subscribers"): the text was cut at a
#: paywall, and the notice, with the offer under it, ends what the page gave (`tail`).
PAYWALL_NOTICES: tuple[str, ...] = (
    r"(this|the rest of this|the full) (article|story|content) is (only )?((available"
    r"|reserved|exclusive)( only)? )?(to|for) (paying |our |digital )?(subscribers"
    r"|members)\b.{0,200}",
    r"(to (continue|keep) reading|to read (the full|this|the rest of this|the whole) "
    r"(article|story)),? (please )?(subscribe|sign in|log in|register|become a (member"
    r"|subscriber))\b.{0,200}",
    r"(subscribe|sign in|log in|register)( now)? to (continue|keep) reading\b.{0,200}",
    r"(dieser|der) (artikel|beitrag|inhalt) ist (nur |exklusiv )?(für|exklusiv für) "
    r"(abonnenten|abonnentinnen|abonnent:innen|abonnierende|abo-kunden|mitglieder)\b.{0,200}",
    r"il vous reste \d+([.,]\d+)? ?% de cet article à lire.{0,200}",
    r"(la suite|le reste) (de cet article )?est réservée? aux abonnés.{0,200}",
    r"cet article est réservé aux abonnés.{0,200}",
    r"(este|el) (artículo|contenido) es (exclusivo|solo) para (suscriptores|socios"
    r"|abonados).{0,200}",
    r"(este|o) (conteúdo|artigo) é exclusivo para assinantes.{0,200}",
    r"(questo articolo|questo contenuto) è riservato (agli|ai) abbonati.{0,200}",
    # "subscribe to read on", and the notices of more languages' news sites
    r"(abonnez-vous|inscrivez-vous) pour lire la suite.{0,200}|suscr[ií]bete para (seguir"
    r"|continuar) leyendo.{0,200}|assine para continuar (lendo|a ler).{0,200}"
    r"|abbonati per continuare a leggere.{0,200}|(jetzt )?weiterlesen mit (abo|plus|\S+\+)"
    r".{0,100}|lesen sie (jetzt )?weiter mit \S+.{0,100}",
    r"dit (artikel|stuk) is (exclusief |alleen )?voor abonnees.{0,200}|word abonnee om "
    r"(verder )?te lezen.{0,200}|denne (artikkelen|saken) er (kun )?for abonnenter.{0,200}"
    r"|les hele saken med abonnement.{0,100}|artiklen er (kun )?for abonnenter.{0,200}"
    r"|artikeln är (endast|bara) för prenumeranter.{0,200}|(logga in|prenumerera) för att "
    r"läsa vidare.{0,100}|tämä artikkeli on (vain )?tilaajille.{0,200}",
    r"článek je dostupný (pouze|jen) (pro )?předplatitel(ům|e).{0,200}|pozostała część "
    r"artykułu (jest )?dostępna (jest )?dla (subskrybentów|prenumeratorów).{0,200}"
    r"|a cikk folytatását csak előfizetőink olvashatják.{0,200}|статья доступна только "
    r"(для )?подписчик(ам|ов).{0,200}|bu içerik (sadece |yalnızca )?abonelere özeldir.{0,200}",
    r"この記事は(有料)?(会員|読者)限定(記事)?です.{0,100}",
    r"(有料)?会員になると.{0,100}(お読みいただけます|読めます).{0,60}",
    r"(この記事の)?続きを読むには.{0,100}",
)

#: Agencies and picture libraries as photo credits write them (case matters: "AP", not "ap").
_PICTURE_AGENCIES = (
    r"(?-i:AP|AFP|Reuters|REUTERS|Getty(?: Images)?|dpa|EPA|EFE|ANSA|Bloomberg|iStock"
    r"|Shutterstock|Alamy|Xinhua|Keystone|picture alliance|imago|NurPhoto|SIPA|PA Wire"
    r"|Associated Press)"
)
#: The credit that ends a photo caption: "(AP Photo/Jane Doe)", "(Manu Fernandez/AP)",
#: "(NASA via AP, File)", "(Photo: Haitham Imad)", "(Credit: iStock)". No sentence of an
#: article ends so: a line ending in one is a caption (`boilerplate`). An agency alone
#: ("(dpa)", "(AP)") is a wire story's sign-off, not a caption's credit.
CAPTION_CREDIT_RE = re.compile(
    r"\((?:[^()]{0,40}\b(?:photos?|fotos?|images?|pictures?|video|bild)(?:\s+credit)?\s*"
    r"(?::|\bby\b|/)[^()]{1,100}|[^()]{0,40}\b(?:credit|crédit)s?\s*:[^()]{1,100}"
    rf"|[^()]{{0,60}}/\s?{_PICTURE_AGENCIES}\b[^()]{{0,40}}"
    rf"|[^()]{{0,40}}\bvia\s{_PICTURE_AGENCIES}\b[^()]{{0,20}}"
    rf"|{_PICTURE_AGENCIES}/[^()]{{1,40}})\)\s*$",
    re.IGNORECASE,
)

#: The same credit written after the caption without brackets, as some publishing systems
#: append it, glued or not: "... in Las Vegas.Photo: John Locher, AP", "... Foto: Felix
#: Zahn/imago": the photographer's name (capitalised words, a staff label: "STF") and a
#: picture agency, nothing else. "Photo: ..." alone on its line is chrome (`CHROME_LINES`,
#: "credit").
CAPTION_CREDIT_AFTER_RE = re.compile(
    r"(?:photo|foto|image|picture|bild)s?\s?:\s(?-i:(?:[A-Z][\w'’.-]*(?:,?\s|\s?/\s?)){0,5})"
    rf"{_PICTURE_AGENCIES}\s*$",
    re.IGNORECASE,
)

#: What only a photo caption says: "Pictured right, is ...", "Pictured: ...", "Im Bild:",
#: "(von li nach re)", "(left to right)", "(L-R)". A line that says it is a caption
#: wherever it sits (`boilerplate`). "Pictured as a villain by his rivals, ..." is prose.
CAPTION_WORDS_RE = re.compile(
    r"^pictured( (right|left|above|below|here|at the (back|front)|from (left|right)"
    r"|(top|bottom|far) (left|right)))*\s*[,:(]|^im bild\s*[:(]"
    r"|\((from )?left to right\)|\(l-r\)|\(v\. ?l\. ?n\. ?r\.\)|\(von li(nks)? nach re(chts)?\)",
    re.IGNORECASE,
)

#: Headers of a comment thread (`comments`): a count ("167 comments", "[ 12 Kommentare ]"),
#: WordPress's "34 responses to “Title”", a label, or a call to write one.
COMMENT_HEADERS: tuple[str, ...] = (
    r"[\[(]?\s*\d+\s+(comments?|responses?|replies|thoughts|reactions|kommentare?|kommentarer"
    r"|leserkommentare|commentaires?|comentarios?|comentários?|commenti|komentarze|reacties"
    r"|yorum(lar)?)( (to|on|zu|sur|a|em|su|op) .{1,200})?\s*[\])]?",
    r"(all |reader |readers' )?(comments?|kommentare|leserkommentare|commentaires|comentarios"
    r"|comentários|commenti|komentarze|reacties|kommentarer|yorumlar)( \(\d+\)| \d+)?",
    _COMMENT_CALLS,
)
#: A comment's time, as comment systems write it: relative ("2 days ago", "vor 3 Stunden",
#: "il y a 2 heures", "hace 5 horas", "há 2 dias", "3 ore fa", "2 uur geleden").
RELATIVE_TIME_RE = re.compile(
    r"\b(\d+|an?|one)\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)"
    r"\s+ago\b|\b\d+\s?(s|m|h|d|w|y|min|hr|mo)\s+ago\b|\bvor\s+(\d+|einer?)\s+(sekunden?|minuten?|stunden?|tag(en)?|wochen?"
    r"|monat(en)?|jahr(en)?)\b|\bil y a\s+\d+\s+(secondes?|minutes?|heures?|jours?"
    r"|semaines?|mois|ans?)\b|\bhace\s+\d+\s+(segundos?|minutos?|horas?|días?|semanas?"
    r"|meses|años?)\b|\bhá\s+\d+\s+(segundos?|minutos?|horas?|dias?|semanas?|meses"
    r"|anos?)\b|\b\d+\s+(secondi|minuti|ore|giorni|settimane|mesi|anni)\s+fa\b"
    r"|\b\d+\s+(seconden|minuten|uur|dagen|weken|maanden|jaar)\s+geleden\b",
    re.IGNORECASE,
)
#: A WordPress-style comment stamp: "Alex on September 17, 2018 at 6:34 am said:".
COMMENT_SAID_RE = re.compile(
    r"^.{1,80}\s(said|says|wrote|schrieb|sagt|a écrit|dijo|escribió|disse|ha scritto)\s*:$",
    re.IGNORECASE,
)
#: A comment stamp's year, then its time of day: "September 17, 2018 at 6:34 am",
#: "17. September 2018 um 18:34". Both stamp rules read it (`comments`).
YEAR_THEN_TIME = r"\b(19|20)\d{2}\b[^:]{0,12}\b\d{1,2}:\d{2}"
#: The same stamp with the comment's text after it on its line, where the markup put both
#: in one list item: "- Milan on September 12, 2018 at 4:47 pm said: Any update on ...".
#: The date has its year and its time of day: "Jane Doe said on Tuesday: ..." and a live
#: blog's "14:30: The minister said: ..." are the article's.
COMMENT_SAID_DATED_INLINE_RE = re.compile(
    rf"^[-–—•*·]?\s*[^:]{{1,60}}?\son\s[^:]{{0,30}}{YEAR_THEN_TIME}"
    r"(\s?[ap]\.?m\.?)?\s(said|says|wrote)\s*:\s+\S",
    re.IGNORECASE,
)
#: A comment written on its commenter's line: "kanu sukha says: When the most ...", a name
#: of a few words (or a handle) and the verb. Only a stamp under a comment header: an
#: article quotes people so too ("Jane Doe said: “...”").
COMMENT_SAID_INLINE_RE = re.compile(
    r"^[\w@.'’-]+( [\w@.'’-]+){0,3} (said|says|wrote|schrieb|schreibt|sagt|a écrit|écrit"
    r"|dijo|dice|escribió|disse|ha scritto|scrive):\s+\S",
    re.IGNORECASE,
)

#: Words of `class` / `id` values that name site chrome on sites of every language. Measured:
#: on the benchmark pages none of these ever wraps article text (class names are split
#: into words: `Newsletter-container`, `ArticleEventPromo`, `share_bar`).
CHROME_CLASS_WORDS = frozenset(
    {
        *("newsletter", "newsletters", "share", "sharing", "sharebar", "subscribe"),
        *("subscription", "signup", "breadcrumb", "breadcrumbs", "outbrain", "taboola"),
        *("trending", "copyright", "cta", "promo", "recirc", "recirculation", "sponsored"),
        *("related", "cookie", "cookies", "consent"),
        *("ads", "advert", "bio", "comment", "comments", "login", "popup"),
        *("modal", "banner", "toolbar", "tooltip"),
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

#: Lines that belong to the article although they look like page furniture: editor's notes
#: and corrections. Never removed, and they end the trailing block the cleaners look at.
#: (Contributor credits are not among them: they are closing lines, `CLOSING_LINES`.)
ARTICLE_NOTE_LINES: dict[str, tuple[str, ...]] = {
    "en": (
        r"(editor'?s|editors'?|author'?s) note\b.{0,400}",
        # a note, written as a sentence ("Updated: Nov. 19, 2019" alone is a timestamp)
        r"(correction|clarification|update|updated)( \(.{1,40}\))?\s*:.{0,400}[.!?)\]]",
        r"this (story|article|report) (has been|was) (updated|corrected).{0,300}",
    ),
    "fr": (r"note de la rédaction\b.{0,400}",),
    "es": (r"nota del editor\b.{0,400}",),
    "it": (r"nota della redazione\b.{0,400}",),
}

# Decoration around a line's words: bullets, arrows, brackets, a markdown heading's "#",
# the geometric shapes, dingbats and emoji pages put before a header ("► Read more",
# "📌 Also read:", "[Read more]", "*** Related ***").
_DECORATION = (
    "•·*<>«»‹›〈〉《》【】■▼▶►▸→⟶➤➔●◆♦✓✔#=~"
    r"\[\]"
    "\u2190-\u21ff\u25a0-\u25ff\u2700-\u27bf\U0001f300-\U0001faff"
)
_LEADING = rf"^[\s\-–—(\[{_DECORATION}]*"
_TRAILING = rf"[\s:：.…|\-–—)\]{_DECORATION}]*"


def compile_lines(table: dict[str, tuple[str, ...]], extra: tuple[str, ...] = ()) -> LineMatcher:
    """A matcher of a whole line against every phrase of every language in `table`
    (`LineMatcher`: the phrases a line's first letter can start, tried at once).

    A straight apostrophe in a phrase also matches the typographic one (’).
    """
    phrases = [*_table_phrases(table), *(re.escape(e) for e in extra)]
    return LineMatcher(phrases, _LEADING, rf"{_LEADING}(?:{PHRASES}){_TRAILING}$")


def _table_phrases(table: dict[str, tuple[str, ...]]) -> list[str]:
    """Every phrase of every kind in `table`, a straight apostrophe matching ’ too."""
    return [_any_apostrophe(p) for group in table.values() for p in group]


def _any_apostrophe(phrase: str) -> str:
    return phrase.replace("'", "['’]")


TAIL_HEADER_RE = compile_lines(TAIL_HEADERS)
#: Lines removed wherever they sit: chrome lines and promo calls, in one matcher.
ANYWHERE_LINE_RE = compile_lines({**CHROME_LINES, **PROMO_CALLS})
#: The small print of forms and consent prompts runs longer than other chrome lines.
SMALL_PRINT_LINE_RE = compile_lines(
    {kind: CHROME_LINES[kind] for kind in ("form_consent", "embed_consent")}
)
CLOSING_LINE_RE = compile_lines(CLOSING_LINES)
PROMO_CALL_RE = compile_lines(PROMO_CALLS)
TABLE_OF_CONTENTS_RE = compile_lines({"table_of_contents": CHROME_LINES["table_of_contents"]})
#: Closing lines that end the page, not just the article (`boilerplate`): all but the
#: promos that pages also put between paragraphs: newsletter sign-ups, "follow us" calls and
#: appeals for money or membership.
PAGE_CLOSING_LINE_RE = compile_lines(
    {k: v for k, v in CLOSING_LINES.items() if k not in ("newsletter", "follow", "appeal")}
)
#: Each kind of closing line on its own, to tell which kind a line is.
CLOSING_KIND_RES = {kind: compile_lines({kind: phrases}) for kind, phrases in CLOSING_LINES.items()}
#: The heading of the author box under an article, in the languages the tables know
#: (`byline`). Not a person's box under an interview ("Zur Person"): that person is the
#: article's subject.
AUTHOR_BOX_HEADING_RE = compile_lines(
    {
        "author_box": (
            r"(about|more about) the (authors?|writers?|contributors?)",
            r"über (den|die) autor(in|en|innen)?|über die autor(\*|:)innen",
            r"(à|a) propos de l'auteur(e)?",
            r"sobre (el|la|o|a) autor(a)?|acerca del autor",
            r"(informazioni )?sull'autore",
            r"om (forfatteren|skribenten|författaren)|over de (auteur|schrijver)",
            r"o autorze|об авторе|yazar hakkında|a szerzőről|tietoa kirjoittajasta|o autorovi"
            r"|o autoru|despre autor",
        )
    }
)
#: What makes a copyright line a notice, not a photo credit: a year, or the reservation.
COPYRIGHT_NOTICE_RE = re.compile(rf"\b(19|20)\d{{2}}\b|{_RIGHTS_RESERVED}", re.IGNORECASE)
PAYWALL_NOTICE_RE = compile_lines({"paywall": PAYWALL_NOTICES})
COMMENT_HEADER_RE = compile_lines({"comments": COMMENT_HEADERS})
ARTICLE_NOTE_LINE_RE = compile_lines(ARTICLE_NOTE_LINES)
_MONTH = "|".join(sorted({m for group in MONTHS.values() for m in group}, key=len, reverse=True))
#: A calendar date or a clock time anywhere in a line: "14/03/2024", "2024-03-14",
#: "Mar. 14, 2024", "14 de março de 2024", "20:13".
DATE_RE = re.compile(
    r"\b(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}:\d{2})\b"
    rf"|\b\d{{1,2}}\.?\s+(de\s+)?({_MONTH})\.?,?\s+(de\s+)?\d{{4}}\b"
    rf"|\b({_MONTH})\.?\s+\d{{1,2}}(st|nd|rd|th)?,?\s+\d{{4}}\b",
    re.IGNORECASE,
)
#: A date as a widget gives it under a headline, on a line of its own, without its year:
#: "Nov 20", "Mon, 20 Nov", "20. November, 14:30", "Yesterday", "Heute, 14:30".
SHORT_DATE_LINE_RE = re.compile(
    r"^((mon|tue|wed|thu|fri|sat|sun|mo|di|mi|do|fr|sa|so)[a-z]*\.?,?\s+)?"
    rf"(\d{{1,2}}\.?\s+({_MONTH})\.?|({_MONTH})\.?\s+\d{{1,2}}(st|nd|rd|th)?"
    r"|yesterday|today|gestern|heute|hier|aujourd'hui|ayer|hoy|ieri|oggi|ontem|hoje|gisteren"
    r"|vandaag|i går|i dag|igår|idag|вчера|сегодня|dün|bugün)"
    r"(,?\s+(at |um |à |a las |alle |às |om )?\d{1,2}[:.]\d{2}( uhr| h)?)?$",
    re.IGNORECASE,
)
#: The label of a timestamp line ("Updated at 1:23 p.m.", "Veröffentlicht am 13. Mai 2026 um
#: 15:44", "Stand: 28. April 2023"): `boilerplate` checks that a date or time is all the rest.
TIMESTAMP_LABEL_RE = re.compile(
    r"^[\s•·*\-–—]*(last |first |zuletzt )?(updated|published|posted|modified|aktualisiert"
    r"|veröffentlicht|stand|erstellt|uppdaterad|publicerad|oppdatert|publisert|opdateret"
    r"|mis à jour|publié|actualizado|publicado|atualizado|aggiornato|pubblicato|güncelleme"
    r"|güncellenme|yayınlanma|bijgewerkt|gepubliceerd|zaktualizowano|opublikowano)\b",
    re.IGNORECASE,
)
#: A date as Chinese, Japanese and Korean pages write it: "2025年1月14日", "2025년 1월 14일".
#: Only for datelines above the article: in these scripts a paragraph that names a full
#: date is no headline, and the tail rules keep to `DATE_RE`.
CJK_DATE_RE = re.compile(r"\d{4}\s?[年년]\s?\d{1,2}\s?[月월]\s?\d{1,2}\s?[日일]")

#: A header phrase, a colon and a headline on one line: "Read more: Headline here", also in
#: brackets and with the preposition that named the site: "(Leggi anche su: Headline)".
TEASER_LINE_RE = LineMatcher(
    _table_phrases(TAIL_HEADERS),
    _LEADING,
    rf"{_LEADING}[(\[]?(?P<header>{PHRASES})(\s+(on|su|auf|sur|en|em|op|på))?\s*[:|»›]\s*"
    r"(?P<headline>\S.{2,200}?)[)\]]?$",
)


#: The phrase tables by name, for naming the phrase that matched (`matching_phrases`).
TABLES: dict[str, dict[str, tuple[str, ...]]] = {
    "tail_header": TAIL_HEADERS,
    "chrome_line": CHROME_LINES,
    "closing_line": CLOSING_LINES,
    "article_note": ARTICLE_NOTE_LINES,
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
def _phrase_patterns(table: str) -> list[tuple[str, int, LineMatcher]]:
    return [
        (language, index, compile_lines({language: (phrase,)}))
        for language, phrases in TABLES[table].items()
        for index, phrase in enumerate(phrases)
    ]
