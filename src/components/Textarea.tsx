export { Textarea, type TextareaProps } from './fields';
