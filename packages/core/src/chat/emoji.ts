/**
 * Emoji by shortcode, as Returning.AI writes reactions (`:sparkling_heart:`). A small fixed
 * set: the widget offers {@link REACTION_CHOICES} and renders any of these shortcodes found in
 * text; an unknown shortcode stays as its text (a full emoji table would cost more than the
 * whole widget).
 */
export const EMOJI: Readonly<Record<string, string>> = {
  ':sparkling_heart:': '💖',
  ':heart:': '❤️',
  ':thumbsup:': '👍',
  ':+1:': '👍',
  ':thumbsdown:': '👎',
  ':fire:': '🔥',
  ':joy:': '😂',
  ':smile:': '😄',
  ':tada:': '🎉',
  ':clap:': '👏',
  ':pray:': '🙏',
  ':eyes:': '👀',
  ':rocket:': '🚀',
  ':star:': '⭐',
  ':100:': '💯',
  ':trophy:': '🏆',
  ':wave:': '👋',
  ':thinking:': '🤔',
  ':sob:': '😭',
  ':coin:': '🪙',
};

/** What the reaction picker offers, in order. */
export const REACTION_CHOICES: readonly string[] = [
  ':thumbsup:',
  ':sparkling_heart:',
  ':joy:',
  ':fire:',
  ':tada:',
  ':eyes:',
  ':pray:',
  ':100:',
];
