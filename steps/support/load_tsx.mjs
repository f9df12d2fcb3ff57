// Lets cucumber import the TypeScript step files: listed first in the config's import list.
import 'tsx/esm';
