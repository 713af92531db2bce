export { Select, type SelectProps } from './fields';
