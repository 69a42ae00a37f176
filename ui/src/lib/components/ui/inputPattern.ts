/** The typing pattern a date field shows while empty: `DD/MM/YYYY`, `MM/DD/YYYY`, `TT.MM.JJJJ`. */
import { t } from '../../i18n';
import { FORMATS } from '../../i18n/format';

export function pattern(): string {
  const letters = { day: t('ui.dateInput.day'), month: t('ui.dateInput.month'), year: t('ui.dateInput.year') };
  return FORMATS.dateOrder.map((p) => letters[p]).join(FORMATS.dateSeparator);
}
