export function Logo({ className = 'h-8 w-8' }: { className?: string }) {
  return (
    <svg viewBox="0 0 64 64" aria-hidden="true" className={className}>
      <rect width="64" height="64" rx="14" fill="#1d4ed8" />
      <path d="M10 46h8V30h6v16h6V20h6v26h6V34h6v12h6v4H10z" fill="#fff" />
      <circle cx="47" cy="17" r="5" fill="#fde68a" />
    </svg>
  );
}
