"""CMS widgets: the chrome that publishing systems and their plugins put around an article.

    python benchmarks/cms_widgets.py             # 20 pages per widget (half a minute)
    python benchmarks/cms_widgets.py --pages 40  # more

Most news sites run on a few publishing systems: WordPress with a news theme (tagDiv's
Newspaper, JNews, Jannah, Zox News, Newspack, GeneratePress) or a page builder
(Elementor) and its plugins (Jetpack's related posts and sharing buttons, YARPP,
Contextual Related Posts, AddToAny, Social Warfare, Simple Author Box, Mailchimp forms,
WordAds, Easy Table of Contents, Yoast's breadcrumbs), Drupal, Joomla (and K2), TYPO3's
news extension, Ghost, Blogger, Substack, Wix, with comments in WordPress or Disqus. Each
prints its related posts, share buttons, tag lists, author boxes, newsletter forms,
comment threads, tables of contents and post navigation in markup of its own, the same on
every site that runs it. The widgets below are written from how these systems mark them
up (class names, headings, button texts as they ship them), not from the dev pages, and
each is set where its system puts it: inside the post's content container after the last
paragraph (a plugin's `the_content` filter), between two paragraphs (an ad slot, a
sign-up box, a table of contents, which lists subheadings the page then has), before the
container (breadcrumbs, a "Submitted by" line) or after it inside the post (a theme's
template part). Seven of them (the Newspaper theme's related articles and post
navigation, WordPress's, Jannah's and Zox News's related posts, WordPress's comment form
and thread) are also built with their labels as the themes' translations print them in
German, Spanish, French, Italian and Portuguese (`TRANSLATIONS`). Each page is read with
its class names as the systems write them, and renamed (`plain_markup`), as a site whose
names no rule knows.

The article is a real gold body of the dev sets (its paragraphs as `<p>`s), so a page
reads like a real post. For each widget, on each page:

* **left**: some text of the widget is in the output (its texts, `Widget.needles`);
* **lost**: the page without the widget keeps the body's last paragraph, the page with
  it does not.

trafilatura (`trafilatura.extract(html, include_comments=False)`, as `quality.py` calls
it) on the same pages is the baseline. Written at stop 32: stop 31's cleaner left 2
widgets on 21 pages as written (Newspack's "Republish This Story", WordAds'
"Advertisements") and 9 on 66 renamed; the wordings were added, and from then on it is
in-sample: add systems and widgets, and read a miss before "fixing" it. Stop 33 added 19
widgets of 6 more systems and the 25 translated ones (above); stop 32's cleaner left none
as written and 3 renamed (none of the translated: their lists go by their shape),
on 41 pages: a table of contents' title and toggle, Yoast's breadcrumb trail, and
Elementor's share buttons under a body that ends in "See more photos:". Left as found:
those share buttons (a lone network name may be a subheading). A JNews author box
renamed, whose bio opens with the author's role instead of their name, was left until
stop 33 too. Stop 34 added WordPress's comment thread ("2 thoughts on “Title”", each
comment's "says:", time and "Reply" link) and Disqus's notice, and translated the comment
form and thread as WordPress prints them in the five languages: stop 33's cleaner left
none of the 12 new widgets, as written or renamed (nor did trafilatura).
"""

from __future__ import annotations

import argparse
import html as html_lib
import random
import sys
from dataclasses import dataclass, replace

import tails
from devsets import DevPage, load

from newscrawl.testing.evaluation import plain_markup

SEED = 20261203
_URL = "https://www.riverside-courier.example/2024/05/14/night-trains-return/"
_TITLE = "Night trains return to the valley after twenty years"

#: Headlines of other posts, for related-post widgets and post navigation.
HEADLINES = (
    "Council votes to close three branch libraries",
    "Flood defences finished a year ahead of schedule",
    "Local bakery wins national bread award",
    "Hospital car park fees to rise in January",
)


@dataclass(frozen=True)
class Widget:
    """A widget as a system prints it, where it puts it, and texts that must not stay."""

    system: str
    name: str
    #: "content": inside the post's content container, after its paragraphs; "post":
    #: after the container, inside the post; "top": before the container, inside the post;
    #: "middle": between the 2nd and 3rd paragraphs.
    place: str
    html: str
    needles: tuple[str, ...]
    #: Subheadings the widget goes with (a table of contents lists them): set as `<h2>`s
    #: over the body's 3rd and 4th paragraphs, on the page without the widget too.
    headings: tuple[str, ...] = ()


def _related_items(template: str) -> str:
    return "".join(template.format(n=n, title=t) for n, t in enumerate(HEADLINES[:3], 1))


def _jetpack_related(language: str, heading: str, date: str, context: str) -> Widget:
    """Jetpack's related posts as WordPress prints them in `language`."""
    return Widget(
        "wordpress",
        f"Jetpack related posts, {language}",
        "content",
        '<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-'
        f'headline"><em>{heading}</em></h3><div class="jp-relatedposts-items">'
        + _related_items(
            '<div class="jp-relatedposts-post"><h4 class="jp-relatedposts-post-title"><a '
            'class="jp-relatedposts-post-a" href="/2024/04/{n}/story/">{title}</a></h4><p '
            f'class="jp-relatedposts-post-date">{date}</p><p class="jp-relatedposts-post-'
            f'context">{html_lib.escape(context)}</p></div>'
        )
        + "</div></div>",
        (heading, HEADLINES[0], HEADLINES[1], context),
    )


def _translated(widget: Widget, language: str, words: dict[str, str]) -> Widget:
    """`widget` with its labels as its system prints them in `language` (`words`: each
    English label and its translation, in the markup and in the needles)."""
    markup, needles = widget.html, list(widget.needles)
    for english, translation in words.items():
        markup = markup.replace(english, html_lib.escape(translation, quote=False))
        needles = [translation if n == english else n for n in needles]
    return replace(widget, name=f"{widget.name}, {language}", html=markup, needles=tuple(needles))


# fmt: off
WIDGETS: tuple[Widget, ...] = (
    # WordPress core themes (Twenty-*) and Jetpack.
    Widget("wordpress", "Jetpack related posts", "content",
           '<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">'
           "<em>Related</em></h3><div class=\"jp-relatedposts-items jp-relatedposts-items-visual\">"
           + _related_items(
               '<div class="jp-relatedposts-post jp-relatedposts-post{n}"><h'
               '4 class="jp-relatedposts-'
               'post-title"><a class="jp-relatedposts-post-a" href="/2024/04'
               '/{n}/story/">{title}</a>'
               '</h4><p class="jp-relatedposts-post-date">April {n}, 2024</p><p class="jp-related'
               'posts-post-context">In &quot;News&quot;</p></div>')
           + "</div></div>",
           (HEADLINES[0], HEADLINES[1], "In \"News\"")),
    Widget("wordpress", "Jetpack sharing buttons", "content",
           '<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block '
           'sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3><div '
           'class="sd-content"><ul><li class="share-twitter"><a class="share-twitter sd-button '
           'share-icon" href="?share=twitter"><span>Twitter</span></a></'
           'li><li class="share-facebook">'
           '<a class="share-facebook sd-button share-icon" href="?share=facebook"><span>Facebook'
           '</span></a></li><li class="share-end"></li></ul></div></div></div>',
           ("Share this",)),
    Widget("wordpress", "Jetpack likes", "content",
           '<div class="sharedaddy sd-block sd-like jetpack-likes-widget-wrapper jetpack-likes-'
           'widget-unloaded"><h3 class="sd-title">Like this:</h3><div class="likes-widget-'
           'placeholder post-likes-widget-placeholder"><span class="button"><span>Like</span>'
           '</span> <span class="loading">Loading...</span></div></div>',
           ("Like this", "Loading...")),
    Widget("wordpress", "post navigation", "post",
           '<nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-'
           'text">Post navigation</h2><div class="nav-links"><div class="nav-previous"><a href="/'
           '2024/05/13/x/" rel="prev"><span class="meta-nav">Previous Post</span> <span class="'
           f'post-title">{HEADLINES[0]}</span></a></div><div class="nav-next"><a href="/2024/05/'
           '15/y/" rel="next"><span class="meta-nav">Next Post</span> <span class="post-title">'
           f"{HEADLINES[1]}</span></a></div></div></nav>",
           ("Post navigation", "Previous Post", HEADLINES[0], HEADLINES[1])),
    Widget("wordpress", "entry footer", "post",
           '<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/'
           'news/" rel="category tag">News</a>, <a href="/category/transport/" rel="category tag">'
           'Transport</a></span> <span class="tags-links">Tagged <a href="/tag/rail/" rel="tag">'
           'rail</a>, <a href="/tag/valley/" rel="tag">valley</a></span> <span class="comments-'
           'link"><a href="#respond">Leave a comment</a></span></footer>',
           ("Posted in", "Tagged", "Leave a comment")),
    Widget("wordpress", "author info", "post",
           '<div class="author-info"><div class="author-avatar"><img alt="" src="/avatar.jpg" '
           'class="avatar" height="42" width="42"></div><div class="author-description"><h2 '
           'class="author-title"><span class="author-heading">Author:</span> Jane Doe</h2><p '
           'class="author-bio">Jane Doe covers transport and the valley\'s towns for the Courier. '
           '<a class="author-link" href="/author/jane/" rel="author">View all posts by Jane Doe'
           "</a></p></div></div>",
           ("covers transport and the valley", "View all posts by")),
    Widget("wordpress", "comment form", "post",
           '<div id="comments" class="comments-area"><div id="respond" class="comment-respond">'
           '<h3 id="reply-title" class="comment-reply-title">Leave a Reply <small><a rel="nofollow"'
           ' id="cancel-comment-reply-link" href="#respond" style="display:none;">Cancel reply</a>'
           '</small></h3><form action="/wp-comments-post.php" method="post" id="commentform" '
           'class="comment-form"><p class="comment-notes"><span id="email-notes">Your email address'
           ' will not be published.</span> <span class="required-field-message">Required fields '
           'are marked *</span></p><p class="comment-form-comment"><label for="comment">'
           "Comment</label> "
           '<textarea id="comment" name="comment"></textarea></p><p class="comment-form-author">'
           '<label for="author">Name</label> <input id="author" name="author"></p><p class="form-'
           'submit"><input name="submit" type="submit" id="submit" class="submit" value="Post '
           'Comment"></p></form></div></div>',
           ("Leave a Reply", "Cancel reply", "Your email address will not be published.",
            "Required fields are marked *")),
    Widget("wordpress", "comment thread", "post",
           '<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on '
           f'&ldquo;{_TITLE}&rdquo;</h2><ol class="comment-list">'
           + "".join(
               f'<li id="comment-{n}" class="comment even thread-even depth-1"><article id="div-'
               f'comment-{n}" class="comment-body"><footer class="comment-meta"><div class="'
               'comment-author vcard"><img alt="" src="/avatar.jpg" class="avatar" height="32" '
               f'width="32"><b class="fn">{name}</b> <span class="says">says:</span></div><div '
               f'class="comment-metadata"><a href="#comment-{n}"><time datetime="2024-05-14T1'
               f'{n}:15:00+00:00">May 14, 2024 at 1{n}:15 am</time></a></div></footer><div class='
               f'"comment-content"><p>{said}</p></div><div class="reply"><a rel="nofollow" class'
               f'="comment-reply-link" href="#comment-{n}">Reply</a></div></article></li>'
               for n, name, said in (
                   (1, "Sam Poe", "About time. The students will love it, and so will the "
                    "night shift at the hospital."),
                   (2, "Ann Lee", "Will bikes be allowed on board? The article does not say."),
               )
           )
           + "</ol></div>",
           ("thoughts on", "says:", "About time. The students", "Will bikes be allowed")),
    Widget("disqus", "comment thread", "post",
           '<div id="disqus_thread"></div><script>var disqus_config = function () {};</script>'
           '<noscript>Please enable JavaScript to view the <a href="https://disqus.com/?ref_'
           'noscript" rel="nofollow">comments powered by Disqus.</a></noscript>',
           ("Please enable JavaScript", "powered by Disqus")),
    # WordPress plugins.
    Widget("wordpress plugin", "YARPP related posts", "content",
           '<div class="yarpp yarpp-related yarpp-related-website yarpp-template-list"><h3>Related'
           ' posts:</h3><ol>'
           + _related_items('<li><a href="/2024/04/{n}/story/" rel="bookmark" title="{title}">'
                            "{title}</a></li>")
           + "</ol></div>",
           ("Related posts", HEADLINES[0], HEADLINES[2])),
    Widget("wordpress plugin", "Contextual Related Posts", "content",
           '<div class="crp_related "><h3>Related Posts:</h3><ul>'
           + _related_items('<li><a href="/2024/04/{n}/story/" class="crp_link post-{n}"><span '
                            'class="crp_title">{title}</span></a></li>')
           + '</ul><div class="crp_clear"></div></div>',
           ("Related Posts", HEADLINES[0], HEADLINES[2])),
    Widget("wordpress plugin", "AddToAny share buttons", "content",
           '<div class="addtoany_share_save_container addtoany_content addtoany_content_bottom">'
           '<div class="addtoany_header">Share this:</div><div class="a2a_kit a2a_kit_size_32 '
           'addtoany_list" data-a2a-url="https://www.riverside-courier.example/"><a class="a2a_'
           'button_facebook" href="https://www.addtoany.com/add_to/facebook" title="Facebook" '
           'rel="nofollow noopener" target="_blank"></a><a class="a2a_button_email" href="https:'
           '//www.addtoany.com/add_to/email" title="Email" rel="nofollow noopener" target="_blank">'
           '</a><a class="a2a_dd addtoany_share_save addtoany_share" href="https://www.addtoany.'
           'com/share">Share</a></div></div>',
           ("Share this",)),
    Widget("wordpress plugin", "Sassy Social Share", "content",
           '<div class="heateor_sss_sharing_container heateor_sss_horizontal_sharing"><div class='
           '"heateor_sss_sharing_title" style="font-weight:bold">Spread the love</div><div class='
           '"heateor_sss_sharing_ul"><a class="heateor_sss_facebook" href="https://www.facebook.'
           'com/sharer/sharer.php" title="Facebook" rel="nofollow noopener" target="_blank"><span '
           'class="heateor_sss_svg"></span></a><a class="heateor_sss_button_twitter" href="https:'
           '//twitter.com/intent/tweet" title="Twitter" rel="nofollow noopener" target="_blank">'
           '<span class="heateor_sss_svg"></span></a></div></div>',
           ("Spread the love",)),
    Widget("wordpress plugin", "Simple Author Box", "post",
           '<div class="saboxplugin-wrap"><div class="saboxplugin-tab"><div class="saboxplugin-'
           'gravatar"><img src="/avatar.jpg" alt="Jane Doe" width="100" height="100"></div><div '
           'class="saboxplugin-authorname"><a href="/author/jane/" class'
           '="vcard author" rel="author"'
           '><span class="fn">Jane Doe</span></a></div><div class="saboxplugin-desc"><div><p>Jane'
           ' Doe has reported on the valley for the Courier since 2015 and writes about rail, '
           'roads and rivers.</p></div></div><div class="clearfix"></div></div></div>',
           ("has reported on the valley for the Courier",)),
    Widget("wordpress plugin", "Mailchimp form", "content",
           '<form id="mc4wp-form-1" class="mc4wp-form mc4wp-form-1234" method="post"><div class="'
           'mc4wp-form-fields"><p>Get the Courier\'s morning briefing in your inbox every weekday.'
           '</p><p><label>Email address: <input type="email" name="EMAIL" placeholder="Your email '
           'address" required></label></p><p><input type="submit" value="Sign up"></p></div><div '
           'class="mc4wp-response"></div></form>',
           ("morning briefing in your inbox", "Email address")),
    Widget("wordpress plugin", "Jetpack subscriptions", "content",
           '<div class="wp-block-jetpack-subscriptions__container"><div class="wp-block-jetpack-'
           'subscriptions wp-block-jetpack-subscriptions__supports-newline"><div class="jetpack_'
           'subscription_widget"><form action="#" method="post" accept-charset="utf-8" id="'
           'subscribe-blog-1"><div id="subscribe-text"><p>Enter your email address to subscribe '
           'to this blog and receive notifications of new posts by email.</p></div><p id="'
           'subscribe-email"><input type="email" name="email" placeholder="Type your email…"></p>'
           '<p id="subscribe-submit"><button type="submit" class="wp-block-button__link">Subscribe'
           "</button></p></form></div></div></div>",
           ("receive notifications of new posts", "Subscribe")),
    Widget("wordpress plugin", "WordAds slot", "middle",
           '<div class="wpcnt"><div class="wpa"><span class="wpa-about">Advertisements</span><div '
           'class="u"><div id="atatags-1"></div></div></div></div>',
           ("Advertisements",)),
    Widget("wordpress plugin", "star rating", "content",
           '<div class="kk-star-ratings kksr-auto kksr-align-left kksr-valign-bottom"><div class='
           '"kksr-stars"></div><div class="kksr-legend">Click to rate this post!</div><div class='
           '"kksr-legend">[Total: 0 Average: 0]</div></div>',
           ("Click to rate this post", "Total: 0")),
    Widget("wordpress plugin", "reading time", "middle",
           '<span class="span-reading-time rt-reading-time" style="display: block;"><span class="'
           'rt-label rt-prefix">Reading Time: </span> <span class="rt-time">4</span> <span class="'
           'rt-label rt-postfix">minutes</span></span>',
           ("Reading Time",)),
    # tagDiv's Newspaper theme.
    Widget("newspaper theme", "sharing buttons", "post",
           '<div class="td-post-sharing-bottom"><div class="td-post-sharing-classic"></div><div '
           'class="td-post-sharing td-ps-bg td-ps-notext td-post-sharing-style1"><div class="td-'
           'post-sharing-visible"><a class="td-social-sharing-button td-social-sharing-button-js '
           'td-social-network td-social-facebook" href="https://www.facebook.com/sharer.php"><div '
           'class="td-social-but-icon"><i class="td-icon-facebook"></i></div><div class="td-social-'
           'but-text">Facebook</div></a><a class="td-social-sharing-butt'
           'on td-social-sharing-button-'
           'js td-social-network td-social-twitter" href="https://twitter.com/intent/tweet"><div '
           'class="td-social-but-icon"><i class="td-icon-twitter"></i></div><div class="td-social-'
           'but-text">Twitter</div></a></div></div></div>',
           ("Facebook", "Twitter")),
    Widget("newspaper theme", "tags", "post",
           '<div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix"><li>'
           '<span>TAGS</span></li><li><a href="/tag/rail/">rail</a></li><li><a href="/tag/valley/">'
           "valley</a></li></ul></div>",
           ("TAGS",)),
    Widget("newspaper theme", "next and previous", "post",
           '<div class="td-block-row td-post-next-prev"><div class="td-block-span6 td-post-prev-'
           'post"><div class="td-post-next-prev-content"><span>Previous article</span><a href="/'
           f'2024/05/13/x/">{HEADLINES[0]}</a></div></div><div class="td-'
           f'next-prev-separator"></div>'
           '<div class="td-block-span6 td-post-next-post"><div class="td-post-next-prev-content">'
           f'<span>Next article</span><a href="/2024/05/15/y/">{HEADLINES[1]}'
           '</a></div></div></div>',
           ("Previous article", HEADLINES[0], HEADLINES[1])),
    Widget("newspaper theme", "related articles", "post",
           '<div class="td_block_wrap td_block_related_posts tdi_3 td_with_ajax_pagination td-pb-'
           'border-top td_block_template_1"><h4 class="td-related-title td-block-title"><a id="tdi'
           '_4" class="td-related-left td-cur-simple-item" href="#">RELATED ARTICLES</a><a id="tdi'
           '_5" class="td-related-right" href="#">MORE FROM AUTHOR</a></h4><div id="tdi_3" class="'
           'td_block_inner"><div class="td-related-row">'
           + _related_items(
               '<div class="td-related-span4"><div class="td_module_related_posts td-animation-'
               'stack td_mod_related_posts"><div class="td-module-image"><div class="td-module-'
               'thumb"><a href="/2024/04/{n}/story/" rel="bookmark" class="td-image-wrap" title="'
               '{title}"><img class="entry-thumb" src="/t{n}.jpg" alt=""></a></div></div><div '
               'class="item-details"><h3 class="entry-title td-module-title"><a href="/2024/04/{n}'
               '/story/" rel="bookmark" title="{title}">{title}</a></h3></div></div></div>')
           + "</div></div></div>",
           ("RELATED ARTICLES", "MORE FROM AUTHOR", HEADLINES[0], HEADLINES[2])),
    # JNews.
    Widget("jnews theme", "tags", "post",
           '<div class="jeg_post_tags"><span>Tags:</span> <a href="/tag/rail/" rel="tag">rail</a>'
           '<a href="/tag/valley/" rel="tag">valley</a></div>',
           ("Tags:",)),
    Widget("jnews theme", "author box", "post",
           '<div class="jnews_author_box_container "><div class="jeg_authorbox"><div class="jeg_'
           'author_image"><img alt="Jane Doe" src="/avatar.jpg" class="avatar" height="80" width='
           '"80"></div><div class="jeg_author_content"><h3 class="jeg_author_name"><a href="/author'
           '/jane/">Jane Doe</a></h3><p class="jeg_author_desc">Transport reporter at the Courier,'
           ' covering rail, buses and the roads of the valley since 2015.</p><div class="jeg_'
           'author_socials"><a target="_blank" href="https://twitter.com/janedoe" class="twitter">'
           '<i class="fa fa-twitter"></i></a></div></div></div></div>',
           ("Transport reporter at the Courier",)),
    Widget("jnews theme", "related posts", "post",
           '<div class="jnews_related_post_container"><div class="jeg_postblock_22 jeg_postblock '
           'jeg_module_hook jeg_pagination_disable jeg_col_2o3 jnews_module_1_0"><div class="jeg_'
           'block_heading jeg_block_heading_6 jeg_subcat_right"><h3 class="jeg_block_title"><span>'
           'Related<strong> Posts</strong></span></h3></div><div class="jeg_block_container"><div '
           'class="jeg_posts_wrap"><div class="jeg_posts jeg_load_more_flag">'
           + _related_items(
               '<article class="jeg_post jeg_pl_md_box format-standard"><div class="jeg_thumb"><a '
               'href="/2024/04/{n}/story/"><div class="thumbnail-container"><img src="/t{n}.jpg" '
               'alt="{title}"></div></a></div><div class="jeg_postblock_content"><h3 class="jeg_'
               'post_title"><a href="/2024/04/{n}/story/">{title}</a></h3><div class="jeg_post_'
               'meta"><div class="jeg_meta_date"><a href="/2024/04/{n}/story/"><i class="fa fa-'
               'clock-o"></i> April {n}, 2024</a></div></div></div></article>')
           + "</div></div></div></div></div>",
           ("Related Posts", HEADLINES[0], HEADLINES[2])),
    # Jannah (TieLabs).
    Widget("jannah theme", "tags", "post",
           '<div class="post-bottom-meta post-bottom-tags post-tags-modern"><div class="post-'
           'bottom-meta-title"><span class="tie-icon-tags" aria-hidden="true"></span> Tags</div>'
           '<span class="tagcloud"><a href="/tag/rail/" rel="tag">rail</a> <a href="/tag/valley/" '
           'rel="tag">valley</a></span></div>',
           ("Tags",)),
    Widget("jannah theme", "related articles", "post",
           '<div id="related-posts" class="container-wrapper has-extra-post"><div class="mag-box-'
           'title the-global-title"><h3>Related Articles</h3></div><div class="related-posts-list">'
           + _related_items(
               '<div class="related-item"><a aria-label="{title}" href="/2024/04/{n}/story/" class='
               '"post-thumb"><img src="/t{n}.jpg" alt=""></a><h3 class="post-title"><a href="/2024/'
               '04/{n}/story/">{title}</a></h3><div class="post-meta clearfix"><span class="date '
               'meta-item tie-icon">{n} weeks ago</span></div></div>')
           + "</div></div>",
           ("Related Articles", HEADLINES[0], HEADLINES[2], "weeks ago")),
    Widget("jannah theme", "share buttons", "post",
           '<div id="share-buttons-bottom" class="share-buttons share-buttons-bottom"><div class="'
           'share-links  icons-text"><a href="https://www.facebook.com/sharer.php" rel="external '
           'noopener nofollow" title="Facebook" target="_blank" class="facebook-share-btn  large-'
           'share-button"><span class="share-btn-icon tie-icon-facebook"></span> <span class="'
           'social-text">Facebook</span></a><a href="https://twitter.com/intent/tweet" rel="'
           'external noopener nofollow" title="Twitter" target="_blank" class="twitter-share-btn '
           'large-share-button"><span class="share-btn-icon tie-icon-twitter"></span> <span class="'
           'social-text">Twitter</span></a></div></div>',
           ("Facebook", "Twitter")),
    # Zox News (MVP Themes).
    Widget("zox news theme", "related topics", "post",
           '<div class="mvp-post-tags"><span class="mvp-post-tags-header">Related Topics:</span>'
           '<span itemprop="keywords"><a href="/tag/rail/" rel="tag">rail</a><a href="/tag/valley/"'
           ' rel="tag">valley</a></span></div>',
           ("Related Topics",)),
    Widget("zox news theme", "comment button", "post",
           '<div id="mvp-comments-button" class="left relative mvp-com-click"><span class="mvp-'
           'comment-but-text">Click to comment</span></div>',
           ("Click to comment",)),
    Widget("zox news theme", "related posts", "post",
           '<div class="mvp-related-posts left relative"><h4 class="mvp-widget-home-title"><span '
           'class="mvp-widget-home-title">You may like</span></h4><ul class="mvp-related-posts-'
           'list left related">'
           + _related_items(
               '<a href="/2024/04/{n}/story/" rel="bookmark"><li><div class="mvp-related-img left '
               'relative"><img src="/t{n}.jpg" class="mvp-reg-img" alt=""></div><div class="mvp-'
               'related-text left relative"><p>{title}</p></div></li></a>')
           + "</ul></div>",
           ("You may like", HEADLINES[0], HEADLINES[2])),
    # WordPress plugins and page builders beyond the news themes.
    Widget("wordpress plugin", "Easy Table of Contents", "middle",
           '<div id="ez-toc-container" class="ez-toc-v2_0_65 counter-hierarchy ez-toc-counter ez-'
           'toc-grey ez-toc-container-direction"><div class="ez-toc-title-container"><p class="ez-'
           'toc-title">Table of Contents</p><span class="ez-toc-title-toggle"><a href="#" class="'
           'ez-toc-pull-right ez-toc-btn ez-toc-btn-xs ez-toc-btn-default ez-toc-toggle" aria-'
           'label="Toggle Table of Content"><span class="ez-toc-js-icon-con">Toggle</span></a>'
           '</span></div><nav><ul class="ez-toc-list ez-toc-list-level-1 "><li class="ez-toc-page-'
           '1 ez-toc-heading-level-2"><a class="ez-toc-link ez-toc-heading-1" href="#why" title='
           '"Why the trains stopped">Why the trains stopped</a></li><li class="ez-toc-page-1 ez-'
           'toc-heading-level-2"><a class="ez-toc-link ez-toc-heading-2" href="#timetable" title='
           '"What the new timetable means">What the new timetable means</a></li></ul></nav></div>',
           ("Table of Contents", "Why the trains stopped", "What the new timetable means"),
           ("Why the trains stopped", "What the new timetable means")),
    Widget("wordpress plugin", "Yoast breadcrumbs", "top",
           '<p id="breadcrumbs"><span><span><a href="/">Home</a></span> » <span><a href="/news/">'
           f'News</a></span> » <span class="breadcrumb_last" aria-current="page">{_TITLE}</span>'
           "</span></p>",
           ("Home »",)),
    Widget("wordpress plugin", "Social Warfare buttons", "content",
           '<div class="swp_social_panel swp_horizontal_panel swp_flat_fresh swp_default_full_'
           'color" data-min-width="1100"><div class="nc_tweetContainer swp_share_button swp_'
           'facebook" data-network="facebook"><a class="nc_tweet swp_share_link" rel="nofollow '
           'noreferrer noopener" target="_blank" href="https://www.facebook.com/share.php"><span '
           'class="iconFiller"><span class="spaceManWilly"><i class="sw swp_facebook_icon"></i>'
           '<span class="swp_share">Share</span></span></span></a></div><div class="nc_tweet'
           'Container swp_share_button swp_twitter" data-network="twitter"><a class="nc_tweet swp_'
           'share_link" rel="nofollow noreferrer noopener" target="_blank" href="https://twitter.'
           'com/intent/tweet"><span class="iconFiller"><span class="spaceManWilly"><i class="sw '
           'swp_twitter_icon"></i><span class="swp_share">Tweet</span></span></span></a></div><div'
           ' class="nc_tweetContainer swp_share_button swp_pinterest" data-network="pinterest"><a '
           'class="nc_tweet swp_share_link" rel="nofollow noreferrer noopener" href="https://'
           'pinterest.com/pin/create/button/"><span class="iconFiller"><span class="spaceManWilly">'
           '<i class="sw swp_pinterest_icon"></i><span class="swp_share">Pin</span></span></span>'
           '</a></div><div class="nc_tweetContainer swp_share_button total_shares total_sharesalt"'
           '><span class="swp_count ">12 <span class="swp_label">Shares</span></span></div></div>',
           ("Tweet", "Pin", "Shares")),
    Widget("elementor", "post navigation", "post",
           '<div class="elementor-widget-post-navigation"><div class="elementor-post-navigation">'
           '<div class="elementor-post-navigation__prev elementor-post-navigation__link"><a href="'
           '/2024/05/13/x/" rel="prev"><span class="post-navigation__arrow-wrapper post-navigation'
           '__arrow-prev"><i class="fa fa-angle-left" aria-hidden="true"></i><span class="'
           'elementor-screen-only">Prev</span></span><span class="elementor-post-navigation__link'
           '__prev"><span class="post-navigation__prev--label">Previous</span><span class="post-'
           f'navigation__prev--title">{HEADLINES[0]}</span></span></a></div><div class="elementor-'
           'post-navigation__separator-wrapper"><div class="elementor-post-navigation__separator">'
           '</div></div><div class="elementor-post-navigation__next elementor-post-navigation__'
           'link"><a href="/2024/05/15/y/" rel="next"><span class="elementor-post-navigation__link'
           '__next"><span class="post-navigation__next--label">Next</span><span class="post-'
           f'navigation__next--title">{HEADLINES[1]}</span></span><span class="post-navigation__'
           'arrow-wrapper post-navigation__arrow-next"><i class="fa fa-angle-right" aria-hidden="'
           'true"></i><span class="elementor-screen-only">Next</span></span></a></div></div></div>',
           ("Previous", HEADLINES[0], HEADLINES[1])),
    Widget("elementor", "share buttons", "post",
           '<div class="elementor-widget-share-buttons"><div class="elementor-grid">'
           + "".join(
               '<div class="elementor-grid-item"><div class="elementor-share-btn elementor-share-'
               f'btn_{net.lower()}" role="button" tabindex="0" aria-label="Share on {net.lower()}">'
               '<span class="elementor-share-btn__icon"><i class="fab" aria-hidden="true"></i>'
               '</span><div class="elementor-share-btn__text"><span class="elementor-share-btn__'
               f'title">{net}</span></div></div></div>'
               for net in ("Facebook", "Twitter", "LinkedIn", "WhatsApp")
           )
           + "</div></div>",
           ("LinkedIn", "WhatsApp")),
    Widget("generatepress theme", "entry meta", "post",
           '<footer class="entry-meta" aria-label="Entry meta"><span class="cat-links"><span class'
           '="screen-reader-text">Categories </span><a href="/category/news/" rel="category tag">'
           'News</a></span> <span class="tags-links"><span class="screen-reader-text">Tags </span>'
           '<a href="/tag/rail/" rel="tag">rail</a>, <a href="/tag/valley/" rel="tag">valley</a>'
           '</span> <nav id="nav-below" class="post-navigation" aria-label="Posts"><div class="nav-'
           'previous"><span class="prev"><a href="/2024/05/13/x/" rel="prev">'
           f'{HEADLINES[0]}</a></span></div><div class="nav-next"><span class="next"><a href="/'
           f'2024/05/15/y/" rel="next">{HEADLINES[1]}</a></span></div></nav></footer>',
           ("Categories", HEADLINES[0], HEADLINES[1])),
    # Jetpack's related posts with the heading, date and context WordPress prints in
    # German, Spanish, French and Italian.
    *(
        _jetpack_related(language, heading, date, context)
        for language, heading, date, context in (
            ("de", "Ähnliche Beiträge", "14. April 2024", "In „Nachrichten“"),
            ("es", "Relacionado", "14 de abril de 2024", "En «Noticias»"),
            ("fr", "Similaire", "14 avril 2024", "Dans « Actualités »"),
            ("it", "Correlati", "14 aprile 2024", 'In "Notizie"'),
        )
    ),
    # Newspack (WordPress for local newsrooms).
    Widget("newspack", "author bio", "post",
           '<div class="author-bio"><img src="/avatar.jpg" class="avatar" alt="" width="80" '
           'height="80"><div class="author-bio-text"><div class="author-bio-header"><div><h2 '
           'class="accent-header">Jane Doe</h2></div></div><p>Jane Doe is the Courier\'s '
           'transport reporter. Reach her at jane@riverside-courier.example. <a class="author-'
           'link" href="/author/jane/">More by Jane Doe</a></p></div></div>',
           ("is the Courier's transport reporter", "More by Jane Doe")),
    Widget("newspack", "republish button", "content",
           '<div class="wp-block-newspack-blocks-republication-tracker-tool"><div class="'
           'republication-tracker-tool-button"><button class="republication-tracker-tool-button">'
           'Republish This Story</button></div><p>Creative Commons License</p></div>',
           ("Republish This Story", "Creative Commons License")),
    # Drupal.
    Widget("drupal", "tags field", "post",
           '<div class="field field--name-field-tags field--type-entity-reference field--label-'
           'above"><div class="field__label">Tags</div><div class="field__items"><div class="field'
           '__item"><a href="/taxonomy/term/12" hreflang="en">Rail</a></div><div class="field__item'
           '"><a href="/taxonomy/term/13" hreflang="en">Valley</a></div></div></div>',
           ("Tags",)),
    Widget("drupal", "related content view", "post",
           '<section class="block block-views block-views-blockrelated-content-block-1"><h2 class'
           '="block-title">Related Content</h2><div class="view view-related-content view-id-'
           'related_content"><div class="view-content">'
           + _related_items(
               '<div class="views-row"><div class="views-field views-field-title"><span class="'
               'field-content"><a href="/node/{n}" hreflang="en">{title}</a></span></div></div>')
           + "</div></div></section>",
           ("Related Content", HEADLINES[0], HEADLINES[2])),
    Widget("drupal", "node links", "post",
           '<ul class="links inline"><li class="comment-forbidden"><a href="/user/login">Log in'
           "</a> to post comments</li></ul>",
           ("to post comments",)),
    # Ghost (Casper).
    Widget("ghost", "signup call", "post",
           '<section class="footer-cta outer"><div class="inner"><h2 class="footer-cta-title">Sign'
           ' up for more like this.</h2><a class="footer-cta-button" href="#/portal" data-portal>'
           "<div class=\"footer-cta-input\">Enter your email</div><span>Subscribe</span></a></div>"
           "</section>",
           ("Sign up for more like this", "Enter your email")),
    # Blogger.
    Widget("blogger", "post footer", "post",
           '<div class="post-footer"><div class="post-footer-line post-footer-line-1"><span class="'
           'post-author vcard">Posted by <span class="fn">Jane Doe</span></span> <span class="post-'
           'timestamp">at <a class="timestamp-link" href="/2024/05/x.html" rel="bookmark"><abbr '
           'class="published" title="2024-05-14T10:30:00">10:30 AM</abbr></a></span> <span class="'
           'post-comment-link"><a class="comment-link" href="/2024/05/x.html#comment-form">No '
           'comments:</a></span></div><div class="post-share-buttons goog-inline-block"><a class="'
           'goog-inline-block share-button sb-email" href="#" title="Ema'
           'il This"><span class="share-'
           'button-link-text">Email This</span></a><a class="goog-inline'
           '-block share-button sb-blog"'
           ' href="#" title="BlogThis!"><span class="share-button-link-text">BlogThis!</span></a>'
           '<a class="goog-inline-block share-button sb-twitter" href="#" title="Share to X"><span '
           'class="share-button-link-text">Share to X</span></a></div><div class="post-footer-line '
           'post-footer-line-2"><span class="post-labels">Labels: <a href="/search/label/rail" rel='
           '"tag">rail</a></span></div></div>',
           ("Posted by", "No comments", "Email This", "BlogThis", "Labels:")),
    Widget("blogger", "pager", "post",
           '<div class="blog-pager" id="blog-pager"><span id="blog-pager-newer-link"><a class="'
           'blog-pager-newer-link" href="/2024/05/y.html" title="Newer Post">Newer Post</a></span>'
           '<span id="blog-pager-older-link"><a class="blog-pager-older-link" href="/2024/05/z.html'
           '" title="Older Post">Older Post</a></span><a class="home-link" href="/">Home</a></div>'
           '<div class="post-feeds"><div class="feed-links">Subscribe to: <a class="feed-link" '
           'href="/feeds/1/comments/default" target="_blank" type="application/atom+xml">Post '
           "Comments (Atom)</a></div></div>",
           ("Newer Post", "Older Post", "Post Comments (Atom)")),
    # Joomla (core articles, and K2).
    Widget("joomla", "article navigation", "post",
           '<ul class="pager pagenav"><li class="previous"><a class="hasTooltip" title="'
           f'{HEADLINES[0]}" aria-label="Previous article: {HEADLINES[0]}" href="/news/12-x" rel="'
           'prev"><span class="icon-chevron-left" aria-hidden="true"></span> <span aria-hidden="'
           'true">Prev</span></a></li><li class="next"><a class="hasTooltip" title="'
           f'{HEADLINES[1]}" aria-label="Next article: {HEADLINES[1]}" href="/news/14-y" rel="next"'
           '><span aria-hidden="true">Next</span> <span class="icon-chevron-right" aria-hidden="'
           'true"></span></a></li></ul>',
           ("Prev", "Next")),
    Widget("joomla k2", "tags", "post",
           '<div class="itemTagsBlock"><span>Tagged under</span><ul class="itemTags"><li><a href="'
           '/tag/rail">rail</a></li><li><a href="/tag/valley">valley</a></li></ul><div class="clr">'
           "</div></div>",
           ("Tagged under",)),
    Widget("joomla k2", "related items", "post",
           '<div class="itemRelated"><h3>Related items</h3><ul>'
           + _related_items('<li class="even"><a class="itemRelTitle" href="/news/item/{n}-story">'
                            "{title}</a></li>")
           + '</ul><div class="clr"></div></div>',
           ("Related items", HEADLINES[0], HEADLINES[2])),
    Widget("joomla k2", "more in this category", "post",
           '<div class="itemNavigation"><span class="itemNavigationTitle">More in this category:'
           f'</span><a class="itemPrevious" href="/news/item/11-x">&laquo; {HEADLINES[0]}</a><a '
           f'class="itemNext" href="/news/item/13-y">{HEADLINES[1]} &raquo;</a></div>',
           ("More in this category", HEADLINES[0], HEADLINES[1])),
    # TYPO3's news extension.
    Widget("typo3 news", "related news", "post",
           '<div class="news-related-wrap"><div class="news-related news-related-news"><h4>Related'
           " news</h4><ul>"
           + _related_items('<li><span class="news-related-news-date">{n}.05.2024</span><a title='
                            '"{title}" href="/news/detail/story-{n}">{title}</a></li>')
           + "</ul></div></div>",
           ("Related news", HEADLINES[0], HEADLINES[2])),
    Widget("typo3 news", "back link", "post",
           '<div class="news-backlink-wrap"><a href="/news/">Back</a></div>',
           ("Back",)),
    # Ghost (Casper): other posts as cards, with no heading over them.
    Widget("ghost", "read more cards", "post",
           '<aside class="read-more-wrap outer"><div class="read-more inner">'
           + _related_items(
               '<article class="post-card post"><a class="post-card-image-link" href="/story-{n}/'
               '"><img class="post-card-image" src="/t{n}.jpg" alt="{title}"></a><div class="post-'
               'card-content"><a class="post-card-content-link" href="/story-{n}/"><header class='
               '"post-card-header"><h2 class="post-card-title">{title}</h2></header><div class="'
               'post-card-excerpt">What the valley\'s councillors decided, and why it matters.'
               '</div></a><footer class="post-card-meta"><time class="post-card-meta-date" '
               'datetime="2024-05-0{n}">May {n}, 2024</time><span class="post-card-meta-length">'
               "3 min read</span></footer></div></article>")
           + "</div></aside>",
           (HEADLINES[0], HEADLINES[2], "3 min read", "councillors decided")),
    # Drupal core themes: the node's "Submitted by" line.
    Widget("drupal", "submitted line", "top",
           '<div class="node__meta"><span>Submitted by <span class="field field--name-uid field--'
           'type-entity-reference field--label-hidden"><span>Jane Doe</span></span> on <span class'
           '="field field--name-created field--type-created field--label-hidden">Tue, 05/14/2024 '
           "- 09:00</span></span></div>",
           ("Submitted by",)),
    # Wix Blog.
    Widget("wix", "recent posts", "post",
           '<section data-hook="recent-posts"><div class="Rz9Fo"><h2 class="xpZq6">Recent Posts'
           '</h2><a data-hook="see-all-posts-link" href="/blog">See All</a></div><div class="'
           'Fl3Ge">'
           + _related_items(
               '<div data-hook="post-list-item" class="bM2Eb"><a href="/post/story-{n}"><h3 '
               'data-hook="post-title" class="Jl5Nw">{title}</h3></a><div class="mqysW"><span '
               'data-hook="view-count-compact">{n}</span><span data-hook="comment-count-compact">0'
               '</span><button data-hook="like-button" aria-label="Post not marked as liked"><span '
               'class="Ufpjk">Post not marked as liked</span></button></div></div>')
           + "</div></section>",
           ("Recent Posts", "See All", HEADLINES[0], HEADLINES[2], "marked as liked")),
    # Substack.
    Widget("substack", "subscription widget", "middle",
           '<div class="subscription-widget-wrap-editor" data-attrs=\'{"url":"","text":"Subscribe"'
           '}\'><div class="subscription-widget show-subscribe"><div class="preamble"><p class="cta'
           '-caption">Thanks for reading the Valley Letter! Subscribe for free to receive new posts'
           ' and support my work.</p></div><form class="subscription-widget-subscribe"><input type'
           '="email" class="email-input" name="email" placeholder="Type your email…" tabindex="-1">'
           '<input type="submit" class="button primary" value="Subscribe"></form></div></div>',
           ("Subscribe for free to receive new posts",)),
    Widget("substack", "share button", "middle",
           '<p class="button-wrapper" data-attrs=\'{"url":"?utm_source=substack&amp;utm_medium='
           'email&amp;utm_content=share&amp;action=share","text":"Share"}\'><a class="button '
           'primary" href="?utm_source=substack&amp;utm_medium=email&amp;utm_content=share&amp;'
           'action=share"><span>Share</span></a></p>',
           ("Share",)),
)
# fmt: on

#: Labels as the themes' and WordPress's own translations print them, by language: the
#: widgets below in German, Spanish, French, Italian and Portuguese.
TRANSLATIONS: dict[str, dict[str, str]] = {
    "de": {
        "RELATED ARTICLES": "ÄHNLICHE ARTIKEL",
        "MORE FROM AUTHOR": "MEHR VOM AUTOR",
        "Previous article": "Vorheriger Artikel",
        "Next article": "Nächster Artikel",
        "Post navigation": "Beitragsnavigation",
        "Previous Post": "Vorheriger Beitrag",
        "Next Post": "Nächster Beitrag",
        "Related Articles": "Ähnliche Artikel",
        "You may like": "Das könnte Ihnen auch gefallen",
        "Leave a Reply": "Schreibe einen Kommentar",
        "Cancel reply": "Antworten abbrechen",
        "Your email address will not be published.": (
            "Deine E-Mail-Adresse wird nicht veröffentlicht."
        ),
        "Required fields are marked *": "Erforderliche Felder sind mit * markiert",
        "thoughts on": "Gedanken zu",
        "says:": "sagt:",
        "Reply": "Antworten",
    },
    "es": {
        "RELATED ARTICLES": "ARTÍCULOS RELACIONADOS",
        "MORE FROM AUTHOR": "MÁS DEL AUTOR",
        "Previous article": "Artículo anterior",
        "Next article": "Artículo siguiente",
        "Post navigation": "Navegación de entradas",
        "Previous Post": "Entrada anterior",
        "Next Post": "Siguiente entrada",
        "Related Articles": "Artículos relacionados",
        "You may like": "También te puede gustar",
        "Leave a Reply": "Deja una respuesta",
        "Cancel reply": "Cancelar la respuesta",
        "Your email address will not be published.": (
            "Tu dirección de correo electrónico no será publicada."
        ),
        "Required fields are marked *": "Los campos obligatorios están marcados con *",
        "thoughts on": "comentarios en",
        "says:": "dice:",
        "Reply": "Responder",
    },
    "fr": {
        "RELATED ARTICLES": "ARTICLES CONNEXES",
        "MORE FROM AUTHOR": "PLUS DE L'AUTEUR",
        "Previous article": "Article précédent",
        "Next article": "Article suivant",
        "Post navigation": "Navigation de l’article",
        "Previous Post": "Article précédent",
        "Next Post": "Article suivant",
        "Related Articles": "Articles similaires",
        "You may like": "Vous pourriez aussi aimer",
        "Leave a Reply": "Laisser un commentaire",
        "Cancel reply": "Annuler la réponse",
        "Your email address will not be published.": "Votre adresse e-mail ne sera pas publiée.",
        "Required fields are marked *": "Les champs obligatoires sont indiqués avec *",
        "thoughts on": "réflexions sur",
        "says:": "dit :",
        "Reply": "Répondre",
    },
    "it": {
        "RELATED ARTICLES": "ARTICOLI CORRELATI",
        "MORE FROM AUTHOR": "ALTRO DALL'AUTORE",
        "Previous article": "Articolo precedente",
        "Next article": "Articolo successivo",
        "Post navigation": "Navigazione articoli",
        "Previous Post": "Articolo precedente",
        "Next Post": "Articolo successivo",
        "Related Articles": "Articoli correlati",
        "You may like": "Potrebbe piacerti",
        "Leave a Reply": "Lascia un commento",
        "Cancel reply": "Annulla risposta",
        "Your email address will not be published.": "Il tuo indirizzo email non sarà pubblicato.",
        "Required fields are marked *": "I campi obbligatori sono contrassegnati *",
        "thoughts on": "pensieri riguardo",
        "says:": "ha detto:",
        "Reply": "Rispondi",
    },
    "pt": {
        "RELATED ARTICLES": "ARTIGOS RELACIONADOS",
        "MORE FROM AUTHOR": "MAIS DO AUTOR",
        "Previous article": "Artigo anterior",
        "Next article": "Próximo artigo",
        "Post navigation": "Navegação de Post",
        "Previous Post": "Post anterior",
        "Next Post": "Próximo post",
        "Related Articles": "Artigos relacionados",
        "You may like": "Talvez você goste",
        "Leave a Reply": "Deixe um comentário",
        "Cancel reply": "Cancelar resposta",
        "Your email address will not be published.": "O seu endereço de email não será publicado.",
        "Required fields are marked *": "Campos obrigatórios são marcados com *",
        "thoughts on": "comentários em",
        "says:": "disse:",
        "Reply": "Responder",
    },
}
#: The widgets whose labels are translated: (system, name) of each.
_TRANSLATED = (
    ("newspaper theme", "related articles"),
    ("newspaper theme", "next and previous"),
    ("wordpress", "post navigation"),
    ("jannah theme", "related articles"),
    ("zox news theme", "related posts"),
    ("wordpress", "comment form"),
    ("wordpress", "comment thread"),
)
WIDGETS += tuple(
    _translated(widget, language, words)
    for language, words in TRANSLATIONS.items()
    for widget in WIDGETS
    if (widget.system, widget.name) in _TRANSLATED
)

#: Each system's page: the post's wrappers, and the content container's class.
SKELETONS: dict[str, tuple[str, str]] = {
    "wordpress": ("hentry", "entry-content"),
    "wordpress plugin": ("hentry", "entry-content"),
    "newspaper theme": ("td-post-content-wrap", "td-post-content tagdiv-type"),
    "jnews theme": ("jeg_inner_content", "content-inner"),
    "jannah theme": ("post-content container-wrapper", "entry-content entry clearfix"),
    "zox news theme": ("mvp-post-main-in", "theiaPostSlider_preloadedSlide"),
    "newspack": ("hentry", "entry-content"),
    "drupal": ("node node--type-article", "field field--name-body field--type-text-with-summary"),
    "ghost": ("article post", "gh-content gh-canvas"),
    "blogger": ("post hentry", "post-body entry-content"),
    "substack": ("post", "body markup"),
    "elementor": ("elementor-location-single", "elementor-widget-theme-post-content"),
    "generatepress theme": ("inside-article", "entry-content"),
    "joomla": ("item-page", "com-content-article__body"),
    "joomla k2": ("itemView", "itemFullText"),
    "typo3 news": ("news news-single", "news-text-wrap"),
    "wix": ("blog-post-page-font", "post-content__body"),
    "disqus": ("hentry", "entry-content"),
}


def build_page(
    paragraphs: list[str], widget: Widget | None, system: str, headings: tuple[str, ...] = ()
) -> str:
    """A post of `system` with `paragraphs` as its body, `headings` over its 3rd and
    following paragraphs, and `widget` where it goes."""
    post_class, content_class = SKELETONS[system]
    parts = [f"<p>{html_lib.escape(p)}</p>" for p in paragraphs]
    for at, heading in reversed(list(enumerate(headings, 2))):
        parts.insert(at, f"<h2>{html_lib.escape(heading)}</h2>")
    before_content = after_content = ""
    if widget is not None:
        if widget.place == "middle":
            parts.insert(min(2, len(parts)), widget.html)
        elif widget.place == "content":
            parts.append(widget.html)
        elif widget.place == "top":
            before_content = widget.html
        else:
            after_content = widget.html
    menu = "".join(
        f'<li class="menu-item"><a href="/{s.lower()}/">{s}</a></li>'
        for s in ("News", "Sport", "Business", "Opinion", "Lifestyle")
    )
    recent = "".join(
        f'<li><a href="/2024/03/{n}/older/">Older story {n} about the council</a></li>'
        for n in range(1, 6)
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{_TITLE} – '
        'The Riverside Courier</title><meta property="og:type" content="article">'
        f'<meta property="og:title" content="{_TITLE}"></head>'
        '<body class="post-template-default single single-post"><div id="page" class="site">'
        '<header id="masthead" class="site-header"><p class="site-title"><a href="/">The Riverside'
        ' Courier</a></p><nav id="site-navigation" class="main-navigation"><ul class="menu">'
        f'{menu}</ul></nav></header><div id="content" class="site-content"><div id="primary" '
        f'class="content-area"><main id="main" class="site-main"><article id="post-123" class="'
        f'post-123 post type-post status-publish {post_class}"><header class="entry-header"><h1 '
        f'class="entry-title">{_TITLE}</h1><div class="entry-meta"><span class="byline">By <a '
        'class="url fn n" href="/author/jane/">Jane Doe</a></span> <time class="entry-date '
        'published" datetime="2024-05-14T09:00:00+01:00">May 14, 2024</time></div></header>'
        f'{before_content}<div class="{content_class}">{"".join(parts)}</div>{after_content}'
        "</article></main>"
        '</div><aside id="secondary" class="widget-area"><section class="widget widget_recent_'
        f'entries"><h2 class="widget-title">Recent Posts</h2><ul>{recent}</ul></section></aside>'
        '</div><footer id="colophon" class="site-footer"><div class="site-info">© 2024 The '
        "Riverside Courier</div></footer></div></body></html>"
    )


def _added(widget: Widget, before: str, after: str) -> bool:
    """Some text of the widget in `after` that `before` (the page without it) lacks: a
    body may say "Twitter" or "Tags" itself."""
    return any(after.count(needle) > before.count(needle) for needle in widget.needles)


def run(pages: list[DevPage], count: int) -> int:
    """Print the table; the number of widgets newscrawl leaves on some page as written."""
    bodies = [page.paragraphs for page in pages if len(page.paragraphs) >= 4][:count]
    print(
        f"# CMS widgets: {len(WIDGETS)} widgets of {len(SKELETONS)} systems, "
        f"{len(bodies)} dev bodies each\n\nPages whose output keeps some of the widget's text "
        "(left), and pages that lost the body's last paragraph to it (lost); class names as "
        "the systems write them, and renamed (`plain_markup`: a site whose names no rule "
        "knows).\n"
    )
    print(
        "| system | widget | place | newscrawl left | renamed | newscrawl lost | renamed "
        "| trafilatura left | renamed |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    leaky = 0
    totals = [0] * 6
    trafilatura = tails.HTML_SYSTEMS["trafilatura"]  # as quality.py calls it
    controls: dict[tuple[str, int, bool, tuple[str, ...]], tuple[str, str]] = {}
    for widget in WIDGETS:
        counts = [0] * 6  # ours left, lost, theirs left; as written, then renamed
        for n, paragraphs in enumerate(bodies):
            written = build_page(paragraphs, widget, widget.system, widget.headings)
            last = paragraphs[-1][:40]
            for mode, rename in enumerate((False, True)):
                key = (widget.system, n, rename, widget.headings)
                if key not in controls:
                    bare = build_page(paragraphs, None, widget.system, widget.headings)
                    bare = plain_markup(bare) if rename else bare
                    controls[key] = (tails.newscrawl_text(bare, _URL), trafilatura(bare, _URL))
                ours_before, theirs_before = controls[key]
                page = plain_markup(written) if rename else written
                ours = tails.newscrawl_text(page, _URL)
                counts[mode] += _added(widget, ours_before, ours)
                counts[2 + mode] += last in ours_before and last not in ours
                counts[4 + mode] += _added(widget, theirs_before, trafilatura(page, _URL))
        leaky += counts[0] > 0
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
        print(
            f"| {widget.system} | {widget.name} | {widget.place} | "
            + " | ".join(map(str, counts))
            + " |"
        )
    print("| **all** | | | " + " | ".join(map(str, totals)) + " |")
    print(f"\nnewscrawl leaves {leaky} of {len(WIDGETS)} widgets on some page as written\n")
    return leaky


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=20, help="dev bodies per widget")
    args = parser.parse_args()
    pages = [*load("fundus"), *load("zyte")]
    random.Random(SEED).shuffle(pages)
    run(pages, args.pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
