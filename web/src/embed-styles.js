/* The element's CSS (timeline.css + embed.css), bundled as text for one constructed stylesheet
 * shared by every shadow root (a strict style-src refuses inline <style>). */
import TIMELINE_CSS from '../timeline.css';
import EMBED_CSS from '../embed.css';

export default TIMELINE_CSS + '\n' + EMBED_CSS;
