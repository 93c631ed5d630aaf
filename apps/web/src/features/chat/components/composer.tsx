import type { KeyboardEvent } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_MESSAGE_LENGTH } from '@pm/contracts';
import { characterCount } from '@web/features/chat/api/message-text';

interface ComposerProps {
  conversationId: string;
  onSend: (body: string) => void;
  onTyping: () => void;
  onStopTyping: () => void;
}

interface ComposerValues {
  body: string;
}

/**
 * Writes a message: Enter sends, Shift+Enter starts a new line (and Enter while an input method is composing,
 * e.g. for Persian, only confirms the composition). The counter counts characters as the server does.
 */
export function Composer({ conversationId, onSend, onTyping, onStopTyping }: ComposerProps) {
  const { t } = useTranslation();
  const {
    register,
    handleSubmit,
    reset,
    watch,
    formState: { errors },
  } = useForm<ComposerValues>({ defaultValues: { body: '' }, mode: 'onChange' });
  const count = characterCount(watch('body'));
  const over = count > MAX_MESSAGE_LENGTH;
  const id = `composer-${conversationId}`;

  const submit = handleSubmit(({ body }) => {
    const text = body.trim();
    if (text === '') return;
    onSend(text);
    reset({ body: '' });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void submit();
  };

  const registration = register('body', {
    validate: (value) => characterCount(value) <= MAX_MESSAGE_LENGTH || t('chat.composer.tooLong', { max: MAX_MESSAGE_LENGTH }),
    onChange: (event: { target: { value: string } }) => (event.target.value.trim() === '' ? onStopTyping() : onTyping()),
  });

  return (
    <form className="chat-composer" noValidate onSubmit={(event) => void submit(event)} data-testid="composer">
      <label className="visually-hidden" htmlFor={id}>
        {t('chat.composer.label')}
      </label>
      <textarea
        id={id}
        className="field__control chat-composer__input"
        rows={2}
        dir="auto"
        aria-invalid={errors.body ? true : undefined}
        aria-describedby={`${id}-hint ${id}-count${errors.body ? ` ${id}-error` : ''}`}
        onKeyDown={onKeyDown}
        data-testid="composer-input"
        {...registration}
      />
      <div className="chat-composer__footer">
        <p className="field__hint" id={`${id}-hint`}>
          {t('chat.composer.hint')}
        </p>
        <p className={over ? 'chat-composer__count chat-composer__count--over' : 'chat-composer__count'} id={`${id}-count`} data-testid="composer-count">
          {t('chat.composer.count', { count, max: MAX_MESSAGE_LENGTH })}
        </p>
        <button type="submit" className="button button--primary" data-testid="composer-send">
          {t('chat.composer.send')}
        </button>
      </div>
      {errors.body ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {errors.body.message}
        </p>
      ) : null}
    </form>
  );
}
