export { TextField, type TextFieldProps } from './fields';
