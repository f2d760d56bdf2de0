// The known words view's data: the only options module it reads or writes the database through.
export { isKnowableWord, listKnown, markKnown, unmarkKnown, type KnownRow } from '../db';
