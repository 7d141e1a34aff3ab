namespace CiPublisher.Core.Git;

/// <summary>Rebuilds an object from its base and a pack delta: copy-from-base and insert instructions.</summary>
internal static class GitDelta
{
    public static byte[] Apply(byte[] source, byte[] delta)
    {
        var position = 0;
        _ = ReadSize(delta, ref position);
        var target = new byte[ReadSize(delta, ref position)];
        var written = 0;
        while (position < delta.Length)
        {
            var instruction = delta[position++];
            if ((instruction & 0x80) != 0)
            {
                long offset = 0, length = 0;
                for (var i = 0; i < 4; i++) if ((instruction & (1 << i)) != 0) offset |= (long)delta[position++] << (8 * i);
                for (var i = 0; i < 3; i++) if ((instruction & (0x10 << i)) != 0) length |= (long)delta[position++] << (8 * i);
                if (length == 0) length = 0x10000;
                Array.Copy(source, offset, target, written, length);
                written += (int)length;
            }
            else if (instruction != 0)
            {
                Array.Copy(delta, position, target, written, instruction);
                position += instruction;
                written += instruction;
            }
            else
            {
                throw new InvalidDataException("a pack delta holds the reserved instruction 0");
            }
        }
        return target;
    }

    private static long ReadSize(byte[] delta, ref int position)
    {
        long size = 0;
        var shift = 0;
        byte b;
        do
        {
            b = delta[position++];
            size |= (long)(b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return size;
    }
}
