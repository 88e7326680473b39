/**
 * The learner's upload (drop, pick, paste), loaded when an element has `upload`: a page that only
 * shows credentials never downloads it.
 */
export { InputController } from './controllers/input.js';
export { uploadStyles, uploadTemplate } from './templates/upload.js';
