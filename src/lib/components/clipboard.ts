/**
 * Copies text to the clipboard. The async clipboard exists only in secure contexts; served over
 * plain http on a LAN address the page falls back to copying a selection.
 */
export async function copyText(text: string): Promise<void> {
	try {
		await navigator.clipboard.writeText(text);
	} catch {
		const area = document.createElement('textarea');
		area.value = text;
		area.setAttribute('readonly', '');
		area.className = 'visually-hidden';
		document.body.append(area);
		area.select();
		document.execCommand('copy');
		area.remove();
	}
}
