import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useLocation } from 'react-router';

export interface Disclosure {
  open: boolean;
  toggle: () => void;
  /** Closes and puts focus back on the button, so keyboard users are not left on a control that disappeared. */
  closeToToggle: () => void;
  toggleRef: RefObject<HTMLButtonElement | null>;
  /** Escape inside the panel closes it. */
  onPanelKeyDown: (event: KeyboardEvent) => void;
}

/** A show/hide panel (the phone header menu) that closes itself when the page changes. */
export function useDisclosure(): Disclosure {
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();

  useEffect(() => setOpen(false), [pathname]);

  const closeToToggle = useCallback(() => {
    setOpen(false);
    toggleRef.current?.focus();
  }, []);
  const onPanelKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (event.key === 'Escape' && open) {
        event.stopPropagation();
        closeToToggle();
      }
    },
    [open, closeToToggle],
  );
  return { open, toggle: useCallback(() => setOpen((was) => !was), []), closeToToggle, toggleRef, onPanelKeyDown };
}
