/** Parts of Docker's generated container names (moby pkg/namesgenerator, a subset). */
export const LEFT = [
  'admiring', 'adoring', 'affectionate', 'agitated', 'amazing', 'angry', 'awesome', 'beautiful', 'blissful', 'bold',
  'boring', 'brave', 'busy', 'charming', 'clever', 'compassionate', 'competent', 'condescending', 'confident', 'cool',
  'cranky', 'crazy', 'dazzling', 'determined', 'distracted', 'dreamy', 'eager', 'ecstatic', 'elastic', 'elated',
  'elegant', 'eloquent', 'epic', 'exciting', 'fervent', 'festive', 'flamboyant', 'focused', 'friendly', 'frosty',
  'funny', 'gallant', 'gifted', 'goofy', 'gracious', 'great', 'happy', 'hardcore', 'heuristic', 'hopeful', 'hungry',
  'infallible', 'inspiring', 'intelligent', 'interesting', 'jolly', 'jovial', 'keen', 'kind', 'laughing', 'loving',
  'lucid', 'magical', 'modest', 'musing', 'mystifying', 'naughty', 'nervous', 'nice', 'nifty', 'nostalgic',
  'objective', 'optimistic', 'peaceful', 'pedantic', 'pensive', 'practical', 'priceless', 'quirky', 'quizzical',
  'recursing', 'relaxed', 'reverent', 'romantic', 'sad', 'serene', 'sharp', 'silly', 'sleepy', 'stoic', 'strange',
  'stupefied', 'suspicious', 'sweet', 'tender', 'thirsty', 'trusting', 'unruffled', 'upbeat', 'vibrant', 'vigilant',
  'vigorous', 'wizardly', 'wonderful', 'xenodochial', 'youthful', 'zealous', 'zen',
];

export const RIGHT = [
  'agnesi', 'albattani', 'allen', 'archimedes', 'ardinghelli', 'babbage', 'banach', 'bardeen', 'bartik', 'bell',
  'benz', 'bhabha', 'black', 'blackwell', 'bohr', 'booth', 'borg', 'bose', 'brahmagupta', 'brattain', 'brown',
  'carson', 'cerf', 'chandrasekhar', 'chaplygin', 'chatelet', 'cohen', 'colden', 'cori', 'curie', 'darwin', 'davinci',
  'dijkstra', 'driscoll', 'easley', 'einstein', 'elion', 'engelbart', 'euclid', 'euler', 'faraday', 'fermat', 'fermi',
  'feynman', 'franklin', 'galileo', 'gates', 'goldberg', 'goldstine', 'golick', 'goodall', 'haibt', 'hamilton',
  'hawking', 'heisenberg', 'hermann', 'hodgkin', 'hofstadter', 'hopper', 'hugle', 'hypatia', 'jackson', 'jang',
  'jennings', 'johnson', 'joliot', 'jones', 'kalam', 'kapitsa', 'keller', 'kepler', 'khorana', 'kilby', 'knuth',
  'kowalevski', 'lalande', 'lamarr', 'lamport', 'leakey', 'leavitt', 'lehmann', 'lewin', 'liskov', 'lovelace',
  'lumiere', 'mahavira', 'margulis', 'matsumoto', 'maxwell', 'mayer', 'mccarthy', 'mcclintock', 'meitner', 'mendel',
  'merkle', 'mirzakhani', 'montalcini', 'moore', 'morse', 'napier', 'nash', 'neumann', 'newton', 'nobel', 'noether',
  'northcutt', 'noyce', 'panini', 'pare', 'pascal', 'pasteur', 'payne', 'perlman', 'pike', 'poincare', 'ptolemy',
  'raman', 'ramanujan', 'ride', 'ritchie', 'robinson', 'roentgen', 'rosalind', 'saha', 'sammet', 'shannon', 'shaw',
  'shirley', 'sinoussi', 'snyder', 'spence', 'stonebraker', 'sutherland', 'swanson', 'swartz', 'tesla', 'thompson',
  'torvalds', 'turing', 'varahamihira', 'visvesvaraya', 'volhard', 'wescoff', 'wiles', 'williams', 'wilson', 'wing',
  'wozniak', 'wright', 'wu', 'yalow', 'yonath', 'zhukovsky',
];

/**
 * moby@v27.3.1:daemon/names/names.go: RestrictedNameChars `[a-zA-Z0-9][a-zA-Z0-9_.-]` and
 * RestrictedNamePattern `^[a-zA-Z0-9][a-zA-Z0-9_.-]+$`, so a name has at least two characters.
 * daemon/names.go reserveName matches it against the name without its leading '/'.
 */
export const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
/** moby@v27.3.1:daemon/names.go reserveName. */
export const invalidName = (name: string) => `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`;
