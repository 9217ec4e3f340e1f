// Starts govuk-frontend's components (character count, conditional reveals,
// error summary focus). Pages work without it; this only enhances them.
import { initAll } from './govuk-frontend.min.js';
initAll();
