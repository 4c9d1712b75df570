// The settings of the spoken audio, shared by the server (which names each file by a hash that
// includes them) and the worker that makes the files. Change SETTINGS when the sound changes, so
// every file is made again under a new name (the old names are cached by browsers for a year).

/** The espeak-ng voice for each language a scan can have; a language without one is not read aloud. */
export const VOICES = { nl: 'nl', en: 'en-gb' };

/** Words per minute: a little slower than espeak's 175, for people who listen rather than read. */
export const SPEED = 150;

/** MP3 bit rate in kbit/s: 24 is 30 KB per 10 s of speech, clear enough for one voice. */
export const BITRATE = 24;

export const SETTINGS = `s${SPEED} ${BITRATE}kbps v1`;
