import admin from './admin.json';
import auth from './auth.json';
import blocklist from './blocklist.json';
import common from './common.json';
import dev from './dev.json';
import discussions from './discussions.json';
import directory from './directory.json';
import email from './email.json';
import errors from './errors.json';
import guidelines from './guidelines.json';
import home from './home.json';
import identifying from './identifying.json';
import landing from './landing.json';
import messages from './messages.json';
import nav from './nav.json';
import notify from './notify.json';
import people from './people.json';
import privacy from './privacy.json';
import profile from './profile.json';
import resources from './resources.json';
import reverification from './reverification.json';
import security from './security.json';
import settings from './settings.json';
import validation from './validation.json';

/** French catalogue: one namespace per file. */
const fr = {
  admin,
  auth,
  blocklist,
  common,
  dev,
  discussions,
  directory,
  email,
  errors,
  guidelines,
  home,
  identifying,
  landing,
  messages,
  nav,
  notify,
  people,
  privacy,
  profile,
  resources,
  reverification,
  security,
  settings,
  validation,
};
export default fr;
